import { commonCases, SandboxError } from './SandboxError.js';

/**
 * The deepest nesting a body may have. Jackson, which Java gateways parse with, refuses more than
 * 1000 levels by default (StreamReadConstraints); deeper input would also overflow the stack of
 * the recursive code a body meets later (JSON.stringify, the store), and so answer a 5xx/SYSTEM_ERROR
 * for what is the client's fault.
 */
export const maxJsonDepth = 1000;

/** The deepest `{`/`[` nesting of a JSON text, ignoring brackets inside string literals; iterative, so any depth is safe. */
export function measureJsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '{' || ch === '[') {
      if (++depth > deepest) deepest = depth;
    } else if (ch === '}' || ch === ']') depth--;
  }
  return deepest;
}

/** Why a body nests too deep for the sandbox, or undefined: measured on the text, before any tree is built. */
export function describeExcessDepth(rawBody: string): string | undefined {
  const depth = measureJsonDepth(rawBody);
  return depth > maxJsonDepth
    ? `The body nests JSON ${depth} levels deep; at most ${maxJsonDepth} are accepted.`
    : undefined;
}

/**
 * Parses a request body, refusing text that nests deeper than maxJsonDepth or is not JSON (the
 * protocol's bad-request case). Depth is measured first, on the text: JSON.parse of a 1 MiB body of
 * nested brackets costs hundreds of milliseconds, a linear scan a few.
 */
export function parseJsonBody(rawBody: string): unknown {
  const tooDeep = describeExcessDepth(rawBody);
  if (tooDeep) throw new SandboxError(commonCases.badRequest, undefined, tooDeep);
  try {
    return JSON.parse(rawBody);
  } catch (error) {
    throw new SandboxError(commonCases.badRequest, undefined, `The body is not JSON: ${(error as Error).message}`);
  }
}
