// Structured one-line JSON logs. Request logs carry method, path, status and time only: never
// query strings, bodies, cookies or ticket tokens (tokens live in URL fragments and never arrive).

export type Logger = (
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void;

/** Writes JSON lines to stdout/stderr; `silent` for tests. */
export function createLogger(opts: { silent?: boolean } = {}): Logger {
  return (level, msg, fields = {}) => {
    if (opts.silent) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields });
    if (level === 'info') process.stdout.write(line + '\n');
    else process.stderr.write(line + '\n');
  };
}
