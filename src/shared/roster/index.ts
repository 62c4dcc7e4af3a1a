// The roster import in one place: CSV in and out, phones, header mapping, row checks, the plan.
export * from './csv.js';
export * from './phone.js';
export * from './columns.js';
export * from './problems.js';
export * from './text.js';
export * from './waves.js';
export * from './validate.js';
export * from './plan.js';
export * from './read.js';
