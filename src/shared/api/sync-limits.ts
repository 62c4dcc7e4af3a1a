// Sync constants the door app needs without the request schemas (which pull in valibot): the
// door shell's JavaScript budget is tight, and these are plain numbers and a tag.

/** The most events one push may carry. */
export const PUSH_BATCH_MAX = 500;
/** The most events one pull page may return, and its default. */
export const PULL_PAGE_MAX = 2000;
export const PULL_PAGE_DEFAULT = 500;
/** The tag of a tablet's "scans not sent yet" export file. */
export const UNSYNCED_FILE_FORMAT = 'hadir-unsynced-scans/1';
