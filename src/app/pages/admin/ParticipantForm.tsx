import { useState } from 'preact/hooks';
import type { Participant, ParticipantBody, WaveInfo } from '../../../shared/api/schemas';
import { ErrorNotice } from '../../components/admin/ErrorNotice';
import { Modal } from '../../components/admin/Modal';
import { TextField } from '../../components/admin/TextField';
import { useLang } from '../../i18n/i18n';
import type { ApiFailure } from '../../lib/api';
import { adminApi, asFailure, invalidFields } from './admin-api';

const text = {
  id: {
    addTitle: 'Tambah peserta',
    walkInTitle: 'Jadikan peserta',
    walkInIntro:
      'Data di bawah diketik relawan di pintu. Periksa dan lengkapi; peserta ini akan mendapat tiket dan badge.',
    editTitle: 'Ubah data peserta',
    name: 'Nama lengkap',
    business: 'Nama usaha',
    phone: 'Nomor HP (WhatsApp)',
    phoneHint: 'Misalnya 0812 3456 7890 atau +62 812 3456 7890.',
    email: 'Email',
    nik: 'NIK',
    nikHint: '16 angka sesuai KTP.',
    wave: 'Gelombang',
    moveWarning: 'Pindah gelombang menerbitkan tiket baru; tiket lama tidak berlaku lagi.',
    add: 'Tambah peserta',
    save: 'Simpan',
    saving: 'Menyimpan…',
    cancel: 'Batal',
    noWaves: 'Buat gelombang dulu di halaman Acara sebelum menambah peserta.',
    needName: 'Isi nama lengkap.',
    needPhone: 'Isi nomor HP.',
    badNik: 'NIK harus 16 angka.',
  },
  en: {
    addTitle: 'Add a participant',
    walkInTitle: 'Make a participant',
    walkInIntro:
      'The details below were typed by the volunteer at the door. Check and complete them; the participant gets a ticket and a badge.',
    editTitle: 'Edit participant',
    name: 'Full name',
    business: 'Business name',
    phone: 'Mobile number (WhatsApp)',
    phoneHint: 'E.g. 0812 3456 7890 or +62 812 3456 7890.',
    email: 'Email',
    nik: 'NIK (national ID number)',
    nikHint: '16 digits as on the ID card.',
    wave: 'Wave',
    moveWarning: 'Moving to another wave issues a new ticket; the old one stops working.',
    add: 'Add participant',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    noWaves: 'Create a wave on the Event page before adding participants.',
    needName: 'Enter the full name.',
    needPhone: 'Enter the mobile number.',
    badNik: 'The NIK must be 16 digits.',
  },
};

/**
 * Add (no `participant`) or edit a participant in a modal; resolves with the saved record. With
 * `walkIn`, the form starts from what a door typed and `walkIn.save` makes the participant.
 */
export function ParticipantForm(props: {
  eventId: string;
  waves: WaveInfo[];
  participant?: Participant;
  defaultWaveId?: string;
  walkIn?: {
    name: string;
    business: string;
    phone: string;
    save: (body: ParticipantBody) => Promise<Participant>;
  };
  onSaved: (p: Participant) => void;
  onClose: () => void;
}) {
  const t = text[useLang()];
  const p = props.participant;
  const start = p ?? props.walkIn;
  const [f, setF] = useState({
    name: start?.name ?? '',
    business: start?.business ?? '',
    phone: start?.phone ?? '',
    email: p?.email ?? '',
    nik: p?.nik ?? '',
    waveId: p?.waveId ?? props.defaultWaveId ?? props.waves[0]?.id ?? '',
  });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [problem, setProblem] = useState<{ field: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const bad = invalidFields(error);
  const msg = (field: string) => (problem?.field === field ? problem.text : bad.has(field));
  const set = (field: keyof typeof f) => (value: string) => setF({ ...f, [field]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const found = !f.name.trim()
      ? { field: 'name', text: t.needName }
      : !f.phone.trim()
        ? { field: 'phone', text: t.needPhone }
        : f.nik.trim() && !/^\d{16}$/.test(f.nik.trim())
          ? { field: 'nik', text: t.badNik }
          : null;
    setProblem(found);
    if (found) {
      document.getElementById(`p-${found.field}`)?.focus();
      return;
    }
    setBusy(true);
    const body: ParticipantBody = {
      name: f.name.trim(),
      business: f.business.trim(),
      phone: f.phone.trim(),
      email: f.email.trim() || null,
      nik: f.nik.trim() || null,
      waveId: f.waveId,
    };
    try {
      const saved = props.walkIn
        ? await props.walkIn.save(body)
        : p
          ? await adminApi<Participant>(`/api/participants/${encodeURIComponent(p.id)}`, {
              method: 'PATCH',
              body,
            })
          : await adminApi<Participant>(
              `/api/events/${encodeURIComponent(props.eventId)}/participants`,
              { body },
            );
      props.onSaved(saved);
    } catch (err) {
      setError(asFailure(err));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={props.walkIn ? t.walkInTitle : p ? t.editTitle : t.addTitle}
      onClose={props.onClose}
      testId="participant-form"
    >
      {props.walkIn && <p class="muted">{t.walkInIntro}</p>}
      {props.waves.length === 0 ? (
        <>
          <p class="notice">{t.noWaves}</p>
          <div class="form-actions">
            <button type="button" class="secondary" onClick={props.onClose}>
              {t.cancel}
            </button>
          </div>
        </>
      ) : (
        <form class="admin-form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            id="p-name"
            label={t.name}
            value={f.name}
            onValue={set('name')}
            required
            maxLength={120}
            invalid={msg('name')}
            autoComplete="off"
          />
          <TextField
            id="p-business"
            label={t.business}
            value={f.business}
            onValue={set('business')}
            maxLength={160}
            invalid={msg('business')}
            autoComplete="off"
          />
          <TextField
            id="p-phone"
            label={t.phone}
            type="tel"
            value={f.phone}
            onValue={set('phone')}
            required
            maxLength={40}
            hint={t.phoneHint}
            invalid={msg('phone')}
            autoComplete="off"
          />
          <TextField
            id="p-email"
            label={t.email}
            type="email"
            value={f.email}
            onValue={set('email')}
            maxLength={200}
            invalid={msg('email')}
            autoComplete="off"
          />
          <TextField
            id="p-nik"
            label={t.nik}
            value={f.nik}
            onValue={set('nik')}
            inputMode="numeric"
            maxLength={16}
            hint={t.nikHint}
            invalid={msg('nik')}
            autoComplete="off"
          />
          <div class="field">
            <label for="p-wave">{t.wave}</label>
            <select
              id="p-wave"
              value={f.waveId}
              onChange={(e) => set('waveId')(e.currentTarget.value)}
              aria-invalid={bad.has('waveId') ? 'true' : undefined}
              aria-describedby={p && f.waveId !== p.waveId ? 'p-wave-warning' : undefined}
            >
              {props.waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} — {w.venue}
                </option>
              ))}
            </select>
            {p && f.waveId !== p.waveId ? (
              <small id="p-wave-warning" class="hint warn">
                {t.moveWarning}
              </small>
            ) : null}
          </div>
          <ErrorNotice error={error} />
          <div class="form-actions">
            <button type="submit" disabled={busy} aria-busy={busy} data-testid="participant-save">
              {busy ? t.saving : p ? t.save : t.add}
            </button>
            <button type="button" class="secondary" onClick={props.onClose} disabled={busy}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
