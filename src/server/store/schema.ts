// Table types for Kysely. Times are epoch milliseconds (bigint in PostgreSQL, parsed to number);
// wave and session times are ISO strings with their offset, as the organizer entered them.
import type { Generated } from 'kysely';
import type { Role } from '../../shared/api/team.js';

export interface MetaTable {
  key: string;
  value: string;
}

export interface OrganizerTable {
  id: string;
  username: string;
  password_hash: string;
  created_at: number;
  /** admin | staf | pemantau (team slice, 0008_team). */
  role: Role;
  /** Set when an admin removed the member; the row stays for the audit log. */
  removed_at: number | null;
}

export interface OrganizerSessionTable {
  token_hash: string;
  organizer_id: string;
  created_at: number;
  expires_at: number;
}

export interface EventTable {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
  /** Set while the event is archived (read-only, hidden from the list); migration 0013. */
  archived_at: number | null;
  /** The organizers' WhatsApp number (E.164) for messages and the ticket page; 0015. */
  whatsapp_contact: string | null;
  /** The WhatsApp message template; null: the default (shared/sending/template.ts). */
  message_template: string | null;
  /** JSON array of lines for the ticket page; null: the default ones. */
  ticket_instructions: string | null;
  /** The WhatsApp message for certificate links; null: the default; migration 0020. */
  certificate_message_template: string | null;
  /** The day (YYYY-MM-DD, WIB) personal data is erased; null: not set (0021_retention). */
  retain_until: string | null;
  /** When the personal data was last erased; null: never. */
  personal_data_erased_at: number | null;
  /** The organizer who erased it on demand; null: the schedule (or never). */
  personal_data_erased_by: string | null;
  /** The office lists' letterhead and signers (JSON); null: the defaults; 0022_list_signers. */
  list_signers: string | null;
}

export interface EventKeyTable {
  kid: string;
  event_id: string;
  public_key: string;
  private_key: string;
  created_at: number;
}

export interface WaveTable {
  id: string;
  event_id: string;
  name: string;
  venue: string;
  address: string;
  map_url: string | null;
  starts_at: string;
  ends_at: string;
  created_at: number;
}

export interface WaveSessionTable {
  id: string;
  wave_id: string;
  name: string;
  starts_at: string;
  ends_at: string;
  created_at: number;
}

export interface ParticipantTable {
  id: string;
  event_id: string;
  wave_id: string;
  name: string;
  business: string;
  phone: string;
  email: string | null;
  nik: string | null;
  status: 'active' | 'cancelled';
  ticket_version: number;
  created_at: number;
  updated_at: number;
}

export interface RevocationTable {
  event_id: string;
  participant_id: string;
  ticket_version: number;
  reason: 'cancelled' | 'reissued';
  created_at: number;
}

export interface ImportDraftTable {
  id: string;
  event_id: string;
  default_wave_id: string;
  csv: string;
  created_at: number;
}

export interface ChangeSeqTable {
  seq: Generated<number>;
}

export interface DeviceTable {
  id: string;
  event_id: string;
  name: string;
  door: string;
  /** JSON array of wave ids the device may check in. */
  wave_ids: string;
  /** SHA-256 of the bearer token; the token itself is never stored. */
  token_hash: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
  /** Server clock minus the device's (ms), as measured at its latest push with `sentAt`. */
  server_minus_device_ms: number | null;
  clock_checked_at: number | null;
}

export interface ScanEventTable {
  /** Server order; pull cursors count in it. Never the device clock. */
  seq: Generated<number>;
  id: string;
  event_id: string;
  device_id: string;
  participant_id: string | null;
  session_id: string;
  kind: string;
  device_time: number;
  received_at: number;
  /** Server minus device clock (ms), measured at the push that delivered the event. */
  server_minus_device_ms: number | null;
  /** canonicalScanEvent(event). */
  body: string;
}

export interface RosterChangeTable {
  seq: Generated<number>;
  event_id: string;
  participant_id: string;
  /** Set when the change is a revocation of this ticket version. */
  revoked_version: number | null;
}

export interface ScanConflictTable {
  scan_id: string;
  body_hash: string;
  event_id: string;
  /** The device whose token pushed the differing copy. */
  device_id: string;
  body: string;
  received_at: number;
  server_minus_device_ms: number | null;
}

/** A pushed scan the server refused, with the reason given to the tablet (migration 0006). */
export interface ScanRejectionTable {
  /** The event's id as sent; '' when it had none. */
  scan_id: string;
  body_hash: string;
  event_id: string;
  /** The device whose token pushed it (or whose file was imported). */
  device_id: string;
  code: string;
  /** "Indonesian / English", as the tablet was answered. */
  message: string;
  /** The event as it came, JSON text. */
  body: string;
  received_at: number;
}

export interface PairingCodeTable {
  /** SHA-256 of the canonical code ("ABCD-EFGH"); the code itself is never stored. */
  code_hash: string;
  event_id: string;
  name: string;
  door: string;
  wave_ids: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  device_id: string | null;
}

// --- Live feed, device reports, housekeeping (issue 10; migrations-feed.ts) ---

/** An organizer's "seen it" on one "Perlu diperiksa" item (migration 0011). */
export interface ReviewMarkTable {
  event_id: string;
  /** Names the item: see scans/review-items.ts. */
  item_key: string;
  /** The organizer's id. */
  reviewed_by: string;
  reviewed_at: number;
}

/** A tablet's latest report of itself, sent with its sync requests (migration 0012). */
export interface DeviceReportTable {
  device_id: string;
  event_id: string;
  /** Server time the report arrived. */
  reported_at: number;
  unsynced: number;
  /** Device time of its oldest unsynced scan. */
  oldest_unsynced_at: number | null;
  roster_version: string | null;
  app_version: string | null;
  server_minus_device_ms: number | null;
  /** 1 persistent, 0 not, null unknown. */
  storage_persisted: number | null;
}

// --- end of the issue 10 live-feed block ---

/** A ticket version marked sent by an organizer (migration 0015). */
/** A certificate version's link marked sent (migration 0020). */
export interface CertificateSendTable {
  certificate_id: string;
  event_id: string;
  participant_id: string;
  /** The organizer's id. */
  sent_by: string;
  sent_at: number;
}

export interface TicketSendTable {
  event_id: string;
  participant_id: string;
  ticket_version: number;
  /** The organizer's id. */
  sent_by: string;
  sent_at: number;
}

export interface Database {
  meta: MetaTable;
  organizers: OrganizerTable;
  organizer_sessions: OrganizerSessionTable;
  events: EventTable;
  event_keys: EventKeyTable;
  waves: WaveTable;
  wave_sessions: WaveSessionTable;
  participants: ParticipantTable;
  revocations: RevocationTable;
  import_drafts: ImportDraftTable;
  devices: DeviceTable;
  pairing_codes: PairingCodeTable;
  scan_events: ScanEventTable;
  scan_conflicts: ScanConflictTable;
  scan_rejections: ScanRejectionTable;
  roster_changes: RosterChangeTable;
  review_marks: ReviewMarkTable;
  device_reports: DeviceReportTable;
  ticket_sends: TicketSendTable;
  event_logos: EventLogoTable;
  // Team slice (issue 10): invitations and the audit log.
  organizer_invitations: OrganizerInvitationTable;
  audit_log: AuditLogTable;
  // Issue 11: walk-ins confirmed as participants.
  walk_in_participants: WalkInParticipantTable;
  // Issue 12: certificate eligibility.
  eligibility_rules: EligibilityRuleTable;
  eligibility_overrides: EligibilityOverrideTable;
  // Issue 12: certificates.
  certificate_templates: CertificateTemplateTable;
  certificate_images: CertificateImageTable;
  certificate_counters: CertificateCounterTable;
  certificates: CertificateTable;
  certificate_sends: CertificateSendTable;
  // Issue 13: sign-in, pairing and setup limits shared by every process.
  rate_limits: RateLimitTable;
}

// --- Team slice (issue 10): invitations and the audit log -------------------------------------

export interface OrganizerInvitationTable {
  id: string;
  /** SHA-256 of the one-time link's secret. */
  token_hash: string;
  role: Role;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
  cancelled_at: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  /** The organizer who acted; null when nobody signed in did (none so far). */
  actor_id: string | null;
  action: string;
  event_id: string | null;
  /** JSON object with what the entry is about (names, counts, roles). */
  details: string;
}

/** A walk-in scan the organizer confirmed as a participant (migration 0016). */
export interface WalkInParticipantTable {
  scan_id: string;
  event_id: string;
  participant_id: string;
  /** The organizer who confirmed it. */
  linked_by: string;
  linked_at: number;
}

/** A wave's certificate rule (migration 0017). */
export interface EligibilityRuleTable {
  wave_id: string;
  event_id: string;
  /** JSON of shared/certificates/eligibility.ts EligibilityRule. */
  rule: string;
  updated_by: string;
  updated_at: number;
}

/** An admin's eligibility decision for one participant (migration 0017). */
export interface EligibilityOverrideTable {
  participant_id: string;
  event_id: string;
  /** 1 eligible, 0 not. */
  eligible: number;
  reason: string;
  decided_by: string;
  decided_at: number;
}
/** An event's logo for its badges (0014_event_logo): a PNG or JPEG, checked by its magic bytes. */
export interface EventLogoTable {
  event_id: string;
  /** image/png or image/jpeg, from the bytes, not from what the browser claimed. */
  content_type: string;
  bytes: Uint8Array;
  /** A hash of the bytes: the ETag and the version in the logo's URL. */
  etag: string;
  updated_at: number;
}

export interface CertificateTemplateTable {
  event_id: string;
  /** JSON: StoredTemplate (server/certificates/template.ts). */
  template: string;
  updated_by: string;
  updated_at: number;
}

export interface CertificateImageTable {
  event_id: string;
  /** A hash of the bytes: the image's name in its URL, never reused for other bytes. */
  etag: string;
  content_type: string;
  bytes: Uint8Array;
  created_at: number;
}

export interface CertificateCounterTable {
  event_id: string;
  /** The sequence number the next certificate of the event gets. */
  next: number;
}

export interface CertificateTable {
  id: string;
  event_id: string;
  participant_id: string;
  wave_id: string;
  /** The sequence number ({no}); the same for every version of one certificate. */
  seq: number;
  number: string;
  version: number;
  issued_at: number;
  /** Organizer id. */
  issued_by: string;
  /** JSON: the CertificateTemplate as it was when this version was issued. */
  template: string;
  token: string;
  status: 'valid' | 'revoked' | 'superseded';
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

// --- Hardening (issue 13) ---------------------------------------------------------------------

/** Tries counted against one key in a fixed window that ends at resets_at. */
export interface RateLimitTable {
  key: string;
  tries: number;
  resets_at: number;
}
