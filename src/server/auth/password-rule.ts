// The server's side of the shared new-password rule: a weak password is a 400 in both languages.
import { newPasswordProblem } from '../../shared/account/password-rule.js';
import { HttpProblem } from '../http/problem.js';

/** Throws the rule's problem (field "password" or the given one) before anything is hashed. */
export function refuseWeakPassword(password: string, field = 'password'): void {
  const problem = newPasswordProblem(password);
  if (problem) throw new HttpProblem(400, problem, { field });
}
