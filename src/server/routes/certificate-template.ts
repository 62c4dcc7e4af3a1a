// The event's certificate template: read it (pemantau), save it (admin, audited), and each
// signer's signature image (PNG or JPEG by its bytes, at most 256 KB; served publicly by
// certificates-public.ts because it is printed on public certificates).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CertificateTemplateBody,
  MAX_SIGNERS,
  SIGNATURE_MAX_BYTES,
} from '../../shared/api/certificates.js';
import { logoPath, logoTypeOf } from '../../shared/badges/logo.js';
import { patternHasNo } from '../../shared/certificate/number.js';
import { mergeTemplate, templateView } from '../certificates/template.js';
import type { AppDeps, AppEnv } from '../context.js';
import { readJson } from '../http/body.js';
import { fail, notFound } from '../http/problem.js';
import { audit } from '../store/audit-log.js';
import {
  getStoredTemplate,
  putCertificateImage,
  saveStoredTemplate,
} from '../store/certificate-templates.js';
import { eventLogoVersion } from '../store/event-logos.js';

const EVENT = { id: 'Acara', en: 'Event' };
const KB = Math.round(SIGNATURE_MAX_BYTES / 1024);

/** 413 for a signature image over the limit. */
export const signatureTooLarge = () =>
  fail(
    413,
    'signature-too-large',
    `Berkas tanda tangan terlalu besar (maksimal ${KB} KB). Perkecil gambarnya lalu unggah lagi.`,
    `The signature file is too large (at most ${KB} KB). Make the image smaller and upload it again.`,
    { maxBytes: SIGNATURE_MAX_BYTES },
  );

/** GET/PUT /events/:eventId/certificate-template, PUT/DELETE …/certificate-signers/:index/signature */
export function certificateTemplateRoutes(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const { db } = deps.store;

  const eventOrFail = async (id: string) => {
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!event) throw notFound(EVENT);
  };
  const view = async (eventId: string) => {
    const [template, logo] = await Promise.all([
      getStoredTemplate(db, eventId),
      eventLogoVersion(db, eventId),
    ]);
    return templateView(eventId, template, logo ? logoPath(eventId, logo) : null);
  };

  r.get('/events/:eventId/certificate-template', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    return c.json(await view(eventId));
  });

  r.put('/events/:eventId/certificate-template', async (c) => {
    const eventId = c.req.param('eventId');
    await eventOrFail(eventId);
    const body = await readJson(c, CertificateTemplateBody);
    if (!patternHasNo(body.numberPattern)) {
      throw fail(
        400,
        'number-pattern-without-no',
        'Pola nomor sertifikat harus memuat {no} (nomor urut), misalnya {no}/PLT-UMKM/DISKOP/{tahun}; tanpa itu dua sertifikat bisa bernomor sama.',
        'The certificate number pattern must contain {no} (the sequence number), e.g. {no}/PLT-UMKM/DISKOP/{tahun}; without it two certificates could share a number.',
      );
    }
    const template = mergeTemplate(await getStoredTemplate(db, eventId), body);
    const organizerId = c.get('organizer').id;
    await saveStoredTemplate(db, { eventId, template, organizerId });
    await audit(db, {
      actorId: organizerId,
      action: 'certificate-template',
      eventId,
      details: {
        title: template.title,
        numberPattern: template.numberPattern,
        signers: template.signers.map((s) => s.name),
      },
    });
    return c.json(await view(eventId));
  });

  const signerOrFail = async (eventId: string, index: string) => {
    await eventOrFail(eventId);
    const template = await getStoredTemplate(db, eventId);
    const i = /^\d$/.test(index) ? Number(index) : -1;
    if (i < 0 || i >= MAX_SIGNERS || !template.signers[i]) {
      throw fail(
        404,
        'signer-not-found',
        `Penanda tangan ke-${index} belum ada di templat. Tambahkan nama dan jabatannya, simpan templat, lalu unggah tanda tangannya.`,
        `Signer ${index} is not in the template yet. Add their name and position, save the template, then upload the signature.`,
      );
    }
    return { template, i };
  };

  r.put(
    '/events/:eventId/certificate-signers/:index/signature',
    bodyLimit({
      maxSize: SIGNATURE_MAX_BYTES,
      onError: () => {
        throw signatureTooLarge();
      },
    }),
    async (c) => {
      const { eventId, index } = c.req.param();
      const { template, i } = await signerOrFail(eventId, index);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > SIGNATURE_MAX_BYTES) throw signatureTooLarge();
      const type = logoTypeOf(bytes);
      if (!type) {
        throw fail(
          400,
          'signature-not-image',
          'Berkas ini bukan gambar PNG atau JPEG. Pindai atau foto tanda tangan, lalu unggah sebagai PNG atau JPEG.',
          'This file is not a PNG or JPEG image. Scan or photograph the signature and upload it as PNG or JPEG.',
        );
      }
      const etag = await putCertificateImage(db, eventId, { type, bytes });
      const signers = template.signers.map((s, j) => (j === i ? { ...s, signature: etag } : s));
      const organizerId = c.get('organizer').id;
      await saveStoredTemplate(db, { eventId, template: { ...template, signers }, organizerId });
      await audit(db, {
        actorId: organizerId,
        action: 'certificate-signature',
        eventId,
        details: { signer: signers[i]!.name, removed: false },
      });
      return c.json(await view(eventId));
    },
  );

  r.delete('/events/:eventId/certificate-signers/:index/signature', async (c) => {
    const { eventId, index } = c.req.param();
    const { template, i } = await signerOrFail(eventId, index);
    const signers = template.signers.map((s, j) => (j === i ? { ...s, signature: null } : s));
    const organizerId = c.get('organizer').id;
    await saveStoredTemplate(db, { eventId, template: { ...template, signers }, organizerId });
    await audit(db, {
      actorId: organizerId,
      action: 'certificate-signature',
      eventId,
      details: { signer: signers[i]!.name, removed: true },
    });
    return c.json(await view(eventId));
  });
  return r;
}
