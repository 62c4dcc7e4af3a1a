// Words of the live feed and the "Perlu diperiksa" list, Indonesian first. The words for scan
// verdicts and review reasons are shared with every screen: src/shared/door/scan-words.ts.
import type { Lang } from '../../i18n/i18n';

const id = {
  latest: 'Pemindaian terbaru',
  waitingLive: 'Menunggu pemindaian dari pintu…',
  review: 'Perlu diperiksa',
  reviewOpen: (n: number) => `${n} belum diperiksa`,
  nothingToReview: 'Tidak ada yang perlu diperiksa.',
  allReviewed: 'Semua sudah diperiksa.',
  markReviewed: 'Tandai sudah diperiksa',
  unmark: 'Batalkan tanda',
  reviewedBy: (by: string, at: string) => `Diperiksa oleh ${by}, ${at}`,
  showReviewed: 'Tampilkan yang sudah diperiksa',
  unknownPerson: 'Tidak dikenal',
};

const en: typeof id = {
  latest: 'Latest scans',
  waitingLive: 'Waiting for scans from the doors…',
  review: 'To review',
  reviewOpen: (n) => `${n} not reviewed yet`,
  nothingToReview: 'Nothing to review.',
  allReviewed: 'Everything has been reviewed.',
  markReviewed: 'Mark reviewed',
  unmark: 'Undo mark',
  reviewedBy: (by, at) => `Reviewed by ${by}, ${at}`,
  showReviewed: 'Show reviewed items',
  unknownPerson: 'Unknown',
};

export const feedText: Record<Lang, typeof id> = { id, en };
