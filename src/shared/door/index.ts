// The door's pure core: verdicts, the attendance fold, the scan cool-down and how verdicts look.
export * from './types.js';
export * from './verdict.js';
export * from './session-time.js';
export * from './attendance.js';
export * from './attendance-rules.js';
export * from './cooldown.js';
export * from './contrast.js';
export * from './look.js';
export type { PresentOptions, VerdictPresentation } from './presentation.js';
export { presentVerdict } from './presentation.js';
export * from './wib-format.js';
