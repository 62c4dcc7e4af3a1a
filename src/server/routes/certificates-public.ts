// What anyone may read about certificates (the certificate and verify pages, with no sign-in):
// every event's public keys, a certificate's status and its view (template as issued plus the
// signed payload), and the images printed on certificates. Nothing here needs more than the
// certificate's id, which only its token carries.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type {
  CertificateKeys,
  CertificateStatusAnswer,
  CertificateTemplate,
  CertificateView,
} from '../../shared/api/certificates.js';
import { parseCertificate } from '../../shared/certificate/token.js';
import type { AppDeps, AppEnv } from '../context.js';
import { notFound } from '../http/problem.js';
import { getCertificateImage, getStoredTemplate } from '../store/certificate-templates.js';
import { getCertificate, newestVersion } from '../store/certificates.js';

const CERTIFICATE = { id: 'Sertifikat', en: 'Certificate' };
const IMAGE = { id: 'Gambar', en: 'Image' };
const SIGNATURE = { id: 'Tanda tangan', en: 'Signature' };

/** /certificate-keys, /certificate-status/:id, /certificate-view/:id, /certificate-images/…, signer signatures */
export function certificatePublicRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  r.get('/certificate-keys', async (c) => {
    const rows = await db
      .selectFrom('event_keys as k')
      .innerJoin('events as e', 'e.id', 'k.event_id')
      .select(['k.kid', 'k.public_key', 'e.name'])
      .orderBy('k.created_at')
      .execute();
    const answer: CertificateKeys = {
      keys: rows.map((k) => ({ kid: k.kid, publicKey: k.public_key, eventName: k.name })),
    };
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(answer);
  });

  const certificateOrFail = async (id: string) => {
    const row = await getCertificate(db, id);
    if (!row) throw notFound(CERTIFICATE);
    return row;
  };

  r.get('/certificate-status/:id', async (c) => {
    const row = await certificateOrFail(c.req.param('id'));
    const answer: CertificateStatusAnswer = {
      id: row.id,
      status: row.status,
      version: Number(row.version),
      newestVersion: await newestVersion(db, row.event_id, row.number),
      revokeReason: row.status === 'revoked' ? row.revoke_reason : null,
      revokedAt:
        row.status === 'revoked' && row.revoked_at !== null
          ? new Date(Number(row.revoked_at)).toISOString()
          : null,
    };
    return c.json(answer);
  });

  r.get('/certificate-view/:id', async (c) => {
    const row = await certificateOrFail(c.req.param('id'));
    const parsed = parseCertificate(row.token);
    if (!parsed) throw notFound(CERTIFICATE);
    const answer: CertificateView = {
      template: JSON.parse(row.template) as CertificateTemplate,
      payload: parsed.payload,
    };
    return c.json(answer);
  });

  const image = async (c: Context<AppEnv>, eventId: string, etag: string, cache: string) => {
    const img = await getCertificateImage(db, eventId, etag);
    if (!img) return undefined;
    const tag = `"${etag}"`;
    c.header('Cache-Control', cache);
    c.header('ETag', tag);
    if (c.req.header('if-none-match') === tag) return c.body(null, 304);
    c.header('Content-Type', img.content_type);
    return c.body(new Uint8Array(img.bytes));
  };

  // Named by the hash of their bytes: the same URL always shows the same image.
  r.get('/certificate-images/:eventId/:etag', async (c) => {
    const { eventId, etag } = c.req.param();
    const res = await image(c, eventId, etag, 'public, max-age=31536000, immutable');
    if (!res) throw notFound(IMAGE);
    return res;
  });

  // The signer's current signature (the template page's preview); issued certificates point
  // at /certificate-images instead, which never change.
  r.get('/events/:eventId/certificate-signers/:index/signature', async (c) => {
    const { eventId, index } = c.req.param();
    const template = await getStoredTemplate(db, eventId);
    const etag = template.signers[Number(index)]?.signature;
    const res = etag ? await image(c, eventId, etag, 'public, no-cache') : undefined;
    if (!res) throw notFound(SIGNATURE);
    return res;
  });
  return r;
}
