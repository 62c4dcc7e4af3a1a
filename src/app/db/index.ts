// The door's storage: the only way the app reaches IndexedDB.
export * from './database';
export * from './door-lookups';
export * from './door-status';
export * from './errors';
export * from './hooks';
export * from './ids';
export * from './manifest';
export * from './outbox';
export * from './recent';
export * from './roster';
export * from './scans';
export * from './search';
export * from './storage';
export * from './sync-issues';
export * from './sync-state';
export type * from './types';
export { rosterWords, searchWords } from './words';
