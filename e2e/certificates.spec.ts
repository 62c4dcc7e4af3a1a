// Certificates in the browser (issue 12, acceptance 3 and 4): an admin issues a wave's
// certificates to the eligible, "Cetak semua" prints one A4 landscape page each whose QR decodes
// to exactly the issued tokens' /v# links; /v#<token> proves a certificate genuine, says online
// that it was revoked and why, still proves the signature offline from the kept keys (saying the
// revocation could not be checked), and refuses forged, ticket and other-event codes in words;
// /c#<token> opens offline after one visit. Needs `npm run build` and poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { CertificateList, CertificateRecord } from '../src/shared/api/certificates.js';
import type { PairResult } from '../src/shared/api/door.js';
import type { CertificatePayload } from '../src/shared/certificate/token.js';
import { parseCertificate, signCertificate } from '../src/shared/certificate/token.js';
import type { ScanEvent } from '../src/shared/door/types.js';
import { generateEventKey } from '../src/shared/ticket/crypto.js';
import type { DoorEvent } from './fixtures/door-event.js';
import { pairingCode, participantsOf, prepareDoorEvent, ticketOf } from './fixtures/door-event.js';
import { decodeQrImage } from './fixtures/qr.js';
import type { RunningServer } from './fixtures/server.js';
import { startServer } from './fixtures/server.js';

test.describe.configure({ mode: 'serial' });

const ATTENDED = 4;
/** A4 landscape in points, as pdfinfo rounds it. */
const A4_LANDSCAPE = '842x595';
const PNG = readFileSync('public/icons/icon-192.png');
const SIGNERS = [
  { name: 'Drs. H. Bambang Sutrisno, M.Si.', position: 'Kepala Dinas Koperasi dan UKM' },
  { name: 'Rina Marlina, S.E.', position: 'Ketua Panitia' },
];
const REASON = 'Nama peserta salah ketik pada data pendaftaran';

let server: RunningServer;
let api: APIRequestContext;
let door: DoorEvent;
let names: string[];

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(120_000);
  server = await startServer();
  api = await playwright.request.newContext();
  door = await prepareDoorEvent(server, api);
  const wave = door.wave1;
  // At least one session earns the certificate; only those checked in below attended one.
  const rule = await api.put(`${door.origin}/api/waves/${wave.id}/eligibility-rule`, {
    data: { all: false, atLeast: 1, mandatory: [] },
  });
  expect(rule.status(), await rule.text()).toBe(200);
  // The template: two signers (the first with a signature image) and the event logo.
  const template = await api.put(
    `${door.origin}/api/events/${door.event.id}/certificate-template`,
    {
      data: {
        title: 'SERTIFIKAT',
        body: 'Diberikan kepada\n\n{nama}\n\n{usaha} — telah mengikuti {program}, {gelombang}, di {tempat} pada {tanggal}.',
        numberPattern: '{no}/PLT-UMKM/DISKOP/{tahun}',
        place: 'Tangerang Selatan',
        date: null,
        signers: SIGNERS,
      },
    },
  );
  expect(template.status(), await template.text()).toBe(200);
  for (const path of [
    `/api/events/${door.event.id}/certificate-signers/0/signature`,
    `/api/events/${door.event.id}/logo`,
  ]) {
    const res = await api.put(`${door.origin}${path}`, {
      data: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(res.status(), await res.text()).toBe(200);
  }
  const people = await participantsOf(door, wave.id, ATTENDED);
  names = people.map((p) => p.name);
  const offer = await pairingCode(door);
  const tablet = (await (
    await api.post(`${door.origin}/api/devices/pair`, { data: { code: offer.code } })
  ).json()) as PairResult;
  const start = Date.now() - 30 * 60 * 1000;
  const events: ScanEvent[] = people.map((p, i) => ({
    id: `CERT${String(i).padStart(6, '0')}${start.toString(36).toUpperCase()}`,
    deviceId: tablet.deviceId,
    deviceSeq: i + 1,
    participantId: p.id,
    sessionId: door.sessionId,
    kind: 'check-in',
    deviceTime: start + i * 5_000,
    volunteer: 'Agus',
    door: 'Pintu Utama Aula',
    verdict: 'admitted',
  }));
  const push = await api.post(`${door.origin}/api/sync/push`, {
    headers: { authorization: `Bearer ${tablet.token}` },
    data: { events, sentAt: Date.now() },
  });
  expect(push.status(), await push.text()).toBe(200);
});
test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

test.beforeEach(async ({ context }) => {
  const res = await context.request.post(`${server.origin}/api/auth/login`, {
    data: { username: 'panitia', password: 'rahasia-panitia-1' },
  });
  expect(res.status()).toBeLessThan(300);
});

async function issued(): Promise<CertificateRecord[]> {
  const res = await api.get(
    `${door.origin}/api/events/${door.event.id}/certificates?wave=${door.wave1.id}`,
  );
  expect(res.status()).toBe(200);
  return ((await res.json()) as CertificateList).certificates;
}

const verifyLink = (token: string) => `${server.origin}/v#${token}`;

/** The PDF's page count and size, its text per page and every page's decoded QR codes. */
async function readPdf(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'hadir-certificates-'));
  try {
    const file = join(dir, 'sertifikat.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', '150', '-png', file, join(dir, 'page')]);
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const qrs: string[][] = [];
    for (const png of pngs) qrs.push(await decodeQrImage(readFileSync(join(dir, png))));
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line)).length;
    const sizes = [...info.matchAll(/Page +\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
      (m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`,
    );
    return {
      info,
      pages,
      sizes,
      images,
      text: text.split('\f').map((p) => p.replace(/\s+/g, ' ')),
      qrs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function printToPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test('an admin issues the wave and prints every certificate, one A4 landscape page each', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(`${door.origin}/admin/events/${door.event.id}/certificates`);
  await expect(page.getByTestId('certificates-wave')).toBeVisible();
  await page.getByRole('button', { name: 'Terbitkan sertifikat untuk yang berhak' }).click();
  await expect(page.getByTestId('certificates-done')).toContainText(
    `${ATTENDED} sertifikat baru diterbitkan`,
  );
  await expect(page.getByTestId('certificates-counts')).toHaveText(`Berlaku: ${ATTENDED}`);
  const records = await issued();
  expect(records).toHaveLength(ATTENDED);
  const table = page.getByTestId('certificates-table');
  for (const r of records) {
    const row = table.locator(`tr[data-certificate="${r.id}"]`);
    await expect(row).toContainText(r.number);
    await expect(row).toContainText('Berlaku');
  }

  await page.getByTestId('certificates-print-all').click();
  const sheetSet = page.getByTestId('cert-print-all');
  await expect(sheetSet).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(sheetSet).toHaveAttribute('data-count', String(ATTENDED));
  const pdf = await readPdf(await printToPdf(page));

  // A4 landscape (842 × 595 pt), one page per certificate.
  expect(pdf.pages).toBe(ATTENDED);
  expect(pdf.sizes).toEqual(records.map(() => A4_LANDSCAPE));
  const decoded = pdf.qrs.flat().sort();
  expect(pdf.qrs.map((q) => q.length)).toEqual(records.map(() => 1));
  expect(decoded).toEqual(records.map((r) => verifyLink(r.token)).sort());
  for (const r of records) {
    const payload = parseCertificate(r.token)!.payload;
    const at = pdf.qrs.findIndex((q) => q[0] === verifyLink(r.token));
    expect(pdf.text[at], `page ${at + 1}`).toContain(payload.name);
    expect(pdf.text[at], `page ${at + 1}`).toContain(r.number);
  }
  for (const text of pdf.text.slice(0, ATTENDED)) {
    for (const signer of SIGNERS) expect(text).toContain(signer.name);
  }
  // The logo and the first signer's signature on every page.
  expect(pdf.images).toBeGreaterThanOrEqual(2 * ATTENDED);
  expect(records.map((r) => parseCertificate(r.token)!.payload.name).sort()).toEqual(
    [...names].sort(),
  );
  console.log(
    `certificates: ${pdf.pages} pages A4 landscape, ${decoded.length} QR decoded, ` +
      `QR text ${verifyLink(records[0]!.token).length} chars`,
  );
});

test('/v# proves a certificate, says when it was revoked, and still proves it offline', async ({
  page,
  context,
}) => {
  const [first, second] = await issued();
  const name = parseCertificate(first!.token)!.payload.name;
  const signatures = [first!, second!].map((r) => r.token.split('.')[2]!);
  const leaks: string[] = [];
  page.on('request', (r) => {
    const seen = r.url() + (r.postData() ?? '');
    if (signatures.some((sig) => seen.includes(sig))) leaks.push(r.url());
  });
  await page.goto(verifyLink(first!.token));
  await expect(page.getByTestId('verify-genuine')).toContainText('Sertifikat asli');
  await expect(page.getByTestId('cert-name')).toHaveText(name);
  await expect(page.getByTestId('cert-number')).toHaveText(first!.number);
  await expect(page.getByTestId('verify-standing')).toHaveAttribute('data-standing', 'valid');

  const revoke = await api.post(`${door.origin}/api/certificates/${first!.id}/revoke`, {
    data: { reason: REASON },
  });
  expect(revoke.status(), await revoke.text()).toBe(200);
  await page.reload();
  const standing = page.getByTestId('verify-standing');
  await expect(standing).toHaveAttribute('data-standing', 'revoked');
  await expect(standing).toContainText('DICABUT');
  await expect(standing).toContainText(REASON);
  await expect(page.getByTestId('verify-genuine')).toContainText(
    'Sertifikat asli, tetapi tidak berlaku lagi',
  );

  // Offline: the shell from the service worker, the signature from the kept keys.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('verify-genuine')).toContainText('Sertifikat asli');
  await expect(page.getByTestId('cert-name')).toHaveText(name);
  await expect(standing).toHaveAttribute('data-standing', 'unchecked');
  await expect(standing).toContainText('Pencabutan belum bisa diperiksa');

  // Refusals, in words, offline as online.
  const refused = page.getByTestId('verify-refused');
  const token = second!.token;
  const at = token.lastIndexOf('.') + 10;
  const forged = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
  await page.goto(verifyLink(forged));
  await expect(refused).toContainText('Tanda tangan digital tidak cocok');
  await expect(page.getByTestId('verify-genuine')).toHaveCount(0);

  await page.goto(verifyLink(await ticketOf(door, first!.participantId)));
  await expect(refused).toContainText('Ini kode tiket masuk, bukan sertifikat.');

  const stranger = await generateEventKey();
  const theirs: CertificatePayload = {
    ...parseCertificate(token)!.payload,
    kid: stranger.kid,
  };
  await page.goto(verifyLink(await signCertificate(theirs, stranger)));
  await expect(refused).toContainText('kunci yang tidak dikenal');

  // The paste box takes a whole link.
  await context.setOffline(false);
  await page.getByLabel('Tempel kode atau tautan sertifikat').fill(second!.verifyLink);
  await page.getByRole('button', { name: 'Periksa' }).click();
  await expect(page.getByTestId('cert-name')).toHaveText(parseCertificate(token)!.payload.name);
  await expect(page.getByTestId('verify-standing')).toHaveAttribute('data-standing', 'valid');
  expect(leaks, 'the token never leaves the fragment').toEqual([]);
});

test('/c# shows the certificate, prints one A4 landscape page, and opens offline', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const record = (await issued()).find((r) => r.status === 'valid')!;
  const name = parseCertificate(record.token)!.payload.name;
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${server.origin}/c#${record.token}`);
  await expect(page.getByTestId('cert-heading')).toContainText(name);
  const sheet = page.getByTestId('cert-sheet');
  await expect(sheet).toContainText(name);
  await expect(page.getByTestId('cert-note')).toContainText('tersimpan');
  // The whole A4 landscape sheet fits the phone's width.
  const box = (await sheet.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);

  const pdf = await readPdf(await printToPdf(page));
  expect(pdf.pages).toBe(1);
  expect(pdf.sizes).toEqual([A4_LANDSCAPE]);
  expect(pdf.qrs).toEqual([[verifyLink(record.token)]]);
  expect(pdf.text[0]).toContain(name);

  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('cert-heading')).toContainText(name);
  await expect(sheet).toContainText(record.number);
  await expect(page.getByTestId('cert-qr')).toBeVisible();
  // The logo and the signature were kept with it: whole offline.
  const images = sheet.locator('img');
  await expect(images).toHaveCount(3);
  for (const img of await images.all()) {
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  }
});

test('an admin revokes with a reason and re-issues from the page; the old version reads replaced', async ({
  page,
}) => {
  const valid = (await issued()).filter((r) => r.status === 'valid');
  const [toRevoke, toReissue] = valid.slice(-2);
  await page.goto(
    `${door.origin}/admin/events/${door.event.id}/certificates?wave=${door.wave1.id}`,
  );
  const table = page.getByTestId('certificates-table');
  const revokeRow = table.locator(`tr[data-certificate="${toRevoke!.id}"]`);
  await revokeRow.getByTestId('certificate-revoke').click();
  const dialog = page.getByTestId('revoke-dialog');
  await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
  await expect(dialog).toContainText('Tulis alasannya');
  await dialog.getByLabel(/Alasan pencabutan/).fill('Tidak hadir, tercatat keliru');
  await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
  await expect(revokeRow.getByTestId('certificate-status')).toHaveText(
    'Dicabut: Tidak hadir, tercatat keliru',
  );

  const name = parseCertificate(toReissue!.token)!.payload.name;
  await table
    .locator(`tr[data-certificate="${toReissue!.id}"]`)
    .getByTestId('certificate-reissue')
    .click();
  await expect(page.getByTestId('certificates-done')).toContainText(
    `Sertifikat baru untuk ${name} sudah terbit`,
  );
  const now = await issued();
  const newer = now.find((r) => r.number === toReissue!.number && r.version === 2)!;
  expect(newer.status).toBe('valid');
  expect(now.find((r) => r.id === toReissue!.id)!.status).toBe('superseded');

  await page.goto(verifyLink(toReissue!.token));
  const standing = page.getByTestId('verify-standing');
  await expect(standing).toHaveAttribute('data-standing', 'superseded');
  await expect(standing).toContainText('Sudah diganti versi baru');
  await expect(standing).toContainText('versi 2');
  await page.goto(verifyLink(newer.token));
  await expect(standing).toHaveAttribute('data-standing', 'valid');
  await expect(page.getByTestId('cert-version')).toHaveText('2');

  // The participant's page warns above a revoked or replaced certificate.
  await page.goto(`${server.origin}/c#${toReissue!.token}`);
  await expect(page.getByTestId('cert-ended')).toContainText('Sudah diganti versi baru');
  await page.goto(`${server.origin}/c#${toRevoke!.token}`);
  await expect(page.getByTestId('cert-ended')).toContainText('Tidak hadir, tercatat keliru');
  await page.goto(`${server.origin}/c#${newer.token}`);
  await expect(page.getByTestId('cert-sheet')).toBeVisible();
  await expect(page.getByTestId('cert-ended')).toHaveCount(0);
});

test('the longest name and business fit the certificate whole, on one page', async ({ page }) => {
  const name =
    'Raden Ajeng Siti Nurhaliza Kusumaningrum Wibowo, S.E., M.Ak. binti Haji Muhammad Abdurrahman Prawiranegara Soerjadin'.slice(
      0,
      120,
    );
  const business =
    'Koperasi Serba Usaha Wanita Tani Makmur Sejahtera Bersama Kelurahan Pondok Kacang Timur — Unit Usaha Simpan Pinjam dan Pengolahan Hasil Pertanian'.slice(
      0,
      160,
    );
  const p = (await (
    await api.post(`${door.origin}/api/events/${door.event.id}/participants`, {
      data: { waveId: door.wave1.id, name, business, phone: '081299990001' },
    })
  ).json()) as { id: string };
  await api.put(`${door.origin}/api/participants/${p.id}/eligibility-override`, {
    data: { eligible: true, reason: 'Hadir, dicatat manual oleh panitia' },
  });
  const res = await api.post(`${door.origin}/api/participants/${p.id}/certificate`);
  expect(res.status(), await res.text()).toBe(201);
  const record = (await res.json()) as CertificateRecord;

  await page.goto(`${server.origin}/c#${record.token}`);
  const sheet = page.getByTestId('cert-sheet');
  await expect(sheet).toContainText(business);
  // Nothing clipped: the body and the frame hold all their content.
  for (const part of ['.cert-body', '.cert-frame']) {
    const [scroll, client] = await sheet
      .locator(part)
      .evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(scroll, part).toBeLessThanOrEqual(client! + 1);
  }
  const pdf = await readPdf(await printToPdf(page));
  expect(pdf.pages).toBe(1);
  expect(pdf.text[0]).toContain(name);
  expect(pdf.qrs).toEqual([[verifyLink(record.token)]]);
});

test('the admin edits the template on the page: title, number pattern, a signer and their signature', async ({
  page,
}) => {
  await page.goto(`${door.origin}/admin/events/${door.event.id}/certificates`);
  const editor = page.getByTestId('certificate-template');
  await editor.locator('summary').click();
  await expect(editor.getByLabel('Judul')).toHaveValue('SERTIFIKAT');
  // A pattern without {no} is refused before it is sent.
  await editor.getByLabel('Pola nomor sertifikat').fill('PLT/{tahun}');
  await editor.getByTestId('certificate-template-save').click();
  await expect(editor).toContainText('harus memuat {no}');
  await editor.getByLabel('Pola nomor sertifikat').fill('{no}/SERT-UMKM/{tahun}');
  await expect(editor).toContainText(`007/SERT-UMKM/${new Date().getFullYear()}`);
  await editor.getByLabel('Judul').fill('SERTIFIKAT PELATIHAN');
  await editor.getByLabel('Nama 2').fill('Rina Marlina, S.E., M.M.');
  await editor.getByTestId('certificate-template-save').click();
  await expect(editor.getByRole('status')).toHaveText('Templat disimpan.');
  await editor.getByLabel('Gambar tanda tangan (PNG/JPEG, maks. 256 KB)').nth(1).setInputFiles({
    name: 'ttd.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await expect(editor.getByRole('status')).toHaveText('Tanda tangan disimpan.');

  const res = await api.get(`${door.origin}/api/events/${door.event.id}/certificate-template`);
  const template = (await res.json()) as {
    title: string;
    numberPattern: string;
    signers: { name: string; signatureUrl: string | null }[];
  };
  expect(template.title).toBe('SERTIFIKAT PELATIHAN');
  expect(template.numberPattern).toBe('{no}/SERT-UMKM/{tahun}');
  expect(template.signers.map((s) => s.name)).toEqual([
    SIGNERS[0]!.name,
    'Rina Marlina, S.E., M.M.',
  ]);
  expect(template.signers.every((s) => s.signatureUrl !== null)).toBe(true);
  await page.reload();
  await page.getByTestId('certificate-template').locator('summary').click();
  await expect(page.getByTestId('certificate-template').getByLabel('Judul')).toHaveValue(
    'SERTIFIKAT PELATIHAN',
  );
});
