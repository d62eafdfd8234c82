/**
 * The key of the global scope (requests and control calls without a session) wherever scopes are keys:
 * the data file, the rule index, the replay guard, the sweep bookkeeping, the journal. Calls name it `undefined` (no
 * session); no session name can be empty (see sessionNameRule), so this key never collides with one.
 */
export const globalScope = '';

/** The key of a scope: the session's name, or globalScope without one. */
export function scopeKeyOf(session: string | undefined): string {
  return session ?? globalScope;
}
