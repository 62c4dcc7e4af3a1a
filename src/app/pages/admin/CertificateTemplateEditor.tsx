// The event's certificate template, edited by an admin on the certificates page: title, body with
// placeholders, number pattern (with an example number), place and date, up to three signers with
// their signature images. Issued certificates keep the template they were issued with.
import { useEffect, useState } from 'preact/hooks';
import type { CertificateTemplate } from '../../../shared/api/certificates';
import { MAX_SIGNERS } from '../../../shared/api/certificates';
import { certificateNumber, patternHasNo } from '../../../shared/certificate/number';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, useApiData } from './admin-api';

const text = {
  id: {
    title: 'Templat sertifikat',
    intro:
      'Berlaku untuk sertifikat yang diterbitkan sesudah disimpan; sertifikat yang sudah terbit tidak berubah.',
    heading: 'Judul',
    body: 'Isi',
    bodyHint:
      'Tanda isian: {nama}, {usaha}, {program}, {gelombang}, {tempat}, {tanggal}, {nomor}. Baris kosong memisahkan paragraf.',
    pattern: 'Pola nomor sertifikat',
    patternHint: (example: string) =>
      `{no} = nomor urut (001, 002, …), {tahun} = tahun terbit. Contoh: ${example}`,
    needNo: 'Pola nomor harus memuat {no}, agar tidak ada dua sertifikat bernomor sama.',
    place: 'Tempat penandatanganan',
    date: 'Tanggal di sertifikat (kosongkan: tanggal terbit)',
    signers: 'Penanda tangan (paling banyak 3)',
    name: 'Nama',
    position: 'Jabatan',
    signature: 'Gambar tanda tangan (PNG/JPEG, maks. 256 KB)',
    signatureSaveFirst: 'Simpan templat dulu, lalu unggah tanda tangannya.',
    removeSignature: 'Hapus gambar',
    removeSigner: 'Hapus penanda tangan',
    addSigner: 'Tambah penanda tangan',
    logo: 'Logo sertifikat memakai logo acara (atur di halaman Acara).',
    save: 'Simpan templat',
    saving: 'Menyimpan…',
    saved: 'Templat disimpan.',
    uploaded: 'Tanda tangan disimpan.',
  },
  en: {
    title: 'Certificate template',
    intro:
      'Applies to certificates issued after saving; certificates already issued do not change.',
    heading: 'Title',
    body: 'Text',
    bodyHint:
      'Placeholders: {nama}, {usaha}, {program}, {gelombang}, {tempat}, {tanggal}, {nomor}. A blank line separates paragraphs.',
    pattern: 'Certificate number pattern',
    patternHint: (example: string) =>
      `{no} = sequence number (001, 002, …), {tahun} = year issued. Example: ${example}`,
    needNo: 'The number pattern must contain {no}, so no two certificates share a number.',
    place: 'Place of signing',
    date: 'Date on the certificate (empty: the day it is issued)',
    signers: 'Signers (at most 3)',
    name: 'Name',
    position: 'Position',
    signature: 'Signature image (PNG/JPEG, max 256 KB)',
    signatureSaveFirst: 'Save the template first, then upload the signature.',
    removeSignature: 'Remove image',
    removeSigner: 'Remove signer',
    addSigner: 'Add a signer',
    logo: 'The certificate uses the event logo (set it on the Event page).',
    save: 'Save template',
    saving: 'Saving…',
    saved: 'Template saved.',
    uploaded: 'Signature saved.',
  },
};

type Draft = Omit<CertificateTemplate, 'logoUrl'>;

export function CertificateTemplateEditor(props: { eventId: string }) {
  const t = text[useLang()];
  const path = `/api/events/${encodeURIComponent(props.eventId)}/certificate-template`;
  const loaded = useApiData<CertificateTemplate>(path);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  useEffect(() => {
    if (loaded.data) setDraft(loaded.data);
  }, [loaded.data]);

  const saved = loaded.data;
  if (!draft || !saved) return <ErrorNotice error={loaded.error} />;
  const set = (change: Partial<Draft>) => {
    setStatus('');
    if (change.numberPattern !== undefined) setProblem(null);
    setDraft({ ...draft, ...change });
  };
  const setSigner = (i: number, change: { name?: string; position?: string }) =>
    set({ signers: draft.signers.map((s, j) => (j === i ? { ...s, ...change } : s)) });

  const run = async (action: () => Promise<CertificateTemplate>, done: string) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      loaded.setData(await action());
      setStatus(done);
    } catch (err) {
      setError(asFailure(err));
    }
    setBusy(false);
  };
  const save = (e: Event) => {
    e.preventDefault();
    if (!patternHasNo(draft.numberPattern)) {
      setProblem(t.needNo);
      return;
    }
    setProblem(null);
    void run(
      () =>
        adminApi<CertificateTemplate>(path, {
          method: 'PUT',
          body: {
            title: draft.title,
            body: draft.body,
            numberPattern: draft.numberPattern,
            place: draft.place,
            date: draft.date || null,
            signers: draft.signers.map((s) => ({ name: s.name, position: s.position })),
          },
        }),
      t.saved,
    );
  };
  const signaturePath = (i: number) =>
    `/api/events/${encodeURIComponent(props.eventId)}/certificate-signers/${i}/signature`;
  const upload = (i: number, file: File) =>
    run(
      () =>
        adminApi<CertificateTemplate>(signaturePath(i), {
          method: 'PUT',
          raw: file,
          contentType: file.type || 'application/octet-stream',
        }),
      t.uploaded,
    );

  const example = certificateNumber(draft.numberPattern, 7, new Date().getFullYear());
  return (
    <details class="card" data-testid="certificate-template">
      <summary>{t.title}</summary>
      <p class="muted">{t.intro}</p>
      <form class="admin-form" onSubmit={save} noValidate>
        <div class="field">
          <label for="ct-title">{t.heading}</label>
          <input
            id="ct-title"
            value={draft.title}
            maxLength={120}
            onInput={(e) => set({ title: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="ct-body">{t.body}</label>
          <textarea
            id="ct-body"
            rows={5}
            maxLength={2000}
            value={draft.body}
            aria-describedby="ct-body-hint"
            onInput={(e) => set({ body: e.currentTarget.value })}
          />
          <small id="ct-body-hint" class="hint">
            {t.bodyHint}
          </small>
        </div>
        <div class="field">
          <label for="ct-pattern">{t.pattern}</label>
          <input
            id="ct-pattern"
            value={draft.numberPattern}
            maxLength={80}
            aria-describedby="ct-pattern-hint"
            aria-invalid={problem ? 'true' : undefined}
            onInput={(e) => set({ numberPattern: e.currentTarget.value })}
          />
          <small id="ct-pattern-hint" class={problem ? 'hint error-text' : 'hint'}>
            {problem ?? t.patternHint(example)}
          </small>
        </div>
        <div class="field">
          <label for="ct-place">{t.place}</label>
          <input
            id="ct-place"
            value={draft.place}
            maxLength={120}
            onInput={(e) => set({ place: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="ct-date">{t.date}</label>
          <input
            id="ct-date"
            type="date"
            value={draft.date ?? ''}
            onInput={(e) => set({ date: e.currentTarget.value || null })}
          />
        </div>
        <fieldset>
          <legend>{t.signers}</legend>
          {draft.signers.map((s, i) => {
            const savedSigner = saved.signers[i];
            return (
              <div class="signer" key={i} data-testid="certificate-signer">
                <div class="field">
                  <label for={`ct-signer-${i}-name`}>
                    {t.name} {i + 1}
                  </label>
                  <input
                    id={`ct-signer-${i}-name`}
                    value={s.name}
                    maxLength={120}
                    onInput={(e) => setSigner(i, { name: e.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for={`ct-signer-${i}-position`}>
                    {t.position} {i + 1}
                  </label>
                  <input
                    id={`ct-signer-${i}-position`}
                    value={s.position}
                    maxLength={200}
                    onInput={(e) => setSigner(i, { position: e.currentTarget.value })}
                  />
                </div>
                {savedSigner ? (
                  <div class="field">
                    <label for={`ct-signer-${i}-signature`}>{t.signature}</label>
                    {savedSigner.signatureUrl && (
                      <img class="signature-preview" src={savedSigner.signatureUrl} alt="" />
                    )}
                    <input
                      id={`ct-signer-${i}-signature`}
                      type="file"
                      accept="image/png,image/jpeg"
                      disabled={busy}
                      onChange={(e) => {
                        const file = e.currentTarget.files?.[0];
                        if (file) void upload(i, file);
                      }}
                    />
                    {savedSigner.signatureUrl && (
                      <button
                        type="button"
                        class="secondary small"
                        disabled={busy}
                        onClick={() =>
                          void run(
                            () =>
                              adminApi<CertificateTemplate>(signaturePath(i), {
                                method: 'DELETE',
                              }),
                            t.saved,
                          )
                        }
                      >
                        {t.removeSignature}
                      </button>
                    )}
                  </div>
                ) : (
                  <p class="muted">{t.signatureSaveFirst}</p>
                )}
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => set({ signers: draft.signers.filter((_, j) => j !== i) })}
                >
                  {t.removeSigner}
                </button>
              </div>
            );
          })}
          {draft.signers.length < MAX_SIGNERS && (
            <button
              type="button"
              class="secondary"
              onClick={() =>
                set({
                  signers: [...draft.signers, { name: '', position: '', signatureUrl: null }],
                })
              }
            >
              {t.addSigner}
            </button>
          )}
        </fieldset>
        <p class="muted">{t.logo}</p>
        <ErrorNotice error={error} />
        <div class="form-actions">
          <button
            type="submit"
            disabled={busy}
            aria-busy={busy}
            data-testid="certificate-template-save"
          >
            {busy ? t.saving : t.save}
          </button>
          <span role="status" class="saved">
            {status}
          </span>
        </div>
      </form>
    </details>
  );
}
