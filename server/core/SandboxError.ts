/**
 * A request the sandbox refuses. `caseKey` names an entry of the protocol's catalogue
 * (e.g. 'invalidFieldFormat'); each protocol renders it in its own envelope.
 */
export class SandboxError extends Error {
  constructor(
    readonly caseKey: string,
    readonly detail?: string,
    readonly debug?: string,
    readonly data?: Record<string, unknown>,
    /** Response headers the refusal needs (e.g. Allow on a 405). */
    readonly headers?: Record<string, string>,
  ) {
    super(debug ?? (detail ? `${caseKey}: ${detail}` : caseKey));
    this.name = 'SandboxError';
  }
}

/** The protocol-neutral case keys that shared stages throw; every protocol catalogue maps them. */
export const commonCases = {
  badRequest: 'badRequest',
  invalidFieldFormat: 'invalidFieldFormat',
  invalidMandatoryField: 'invalidMandatoryField',
  unauthorized: 'unauthorized',
  notFound: 'notFound',
  methodNotAllowed: 'methodNotAllowed',
  conflict: 'conflict',
  generalError: 'generalError',
} as const;
