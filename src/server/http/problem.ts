// Errors that become JSON answers: { error: { code, message, messages, details } } with a status.
import type { Problem } from '../../shared/messages.js';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

/** Thrown anywhere below a route; the app turns it into its JSON answer. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly problem: Problem,
    readonly details?: unknown,
  ) {
    super(problem.code);
  }
  toJSON() {
    const { code, message } = this.problem;
    return {
      error: {
        code,
        message: `${message.id} / ${message.en}`,
        messages: message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Shorthand: new HttpProblem(status, { code, message: { id, en } }). */
export function fail(status: ErrorStatus, code: string, id: string, en: string, details?: unknown) {
  return new HttpProblem(status, { code, message: { id, en } }, details);
}

export const notFound = (what: { id: string; en: string }) =>
  fail(404, 'not-found', `${what.id} tidak ditemukan`, `${what.en} not found`);
