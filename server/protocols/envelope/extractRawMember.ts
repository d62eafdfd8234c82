const whitespace = ' \t\n\r';
const literalEnd = ',}] \t\n\r';

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && whitespace.includes(text[i])) i++;
  return i;
}

/** Index just past the string that opens at `i`, or -1 if it never closes. */
function endOfString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return -1;
}

/** Index just past the value that starts at `i` (string, object, array or literal), or -1. */
function endOfValue(text: string, i: number): number {
  if (text[i] === '"') return endOfString(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    let j = i;
    while (j < text.length && !literalEnd.includes(text[j])) j++;
    return j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') {
      j = endOfString(text, j) - 1;
      if (j < 0) return -1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/**
 * The exact text of the top-level member `name` of a JSON object, as received (whitespace and
 * escapes untouched), or undefined. The envelope's signature covers these bytes (docs/protocol.md#envelope-request-signature).
 * A repeated member yields its last occurrence, as JSON.parse keeps the last.
 */
export function extractRawMember(text: string, name: string): string | undefined {
  let i = skipWhitespace(text, 0);
  if (text[i] !== '{') return undefined;
  i = skipWhitespace(text, i + 1);
  let found: string | undefined;
  while (text[i] === '"') {
    const keyEnd = endOfString(text, i);
    if (keyEnd < 0) return undefined;
    const key: unknown = JSON.parse(text.slice(i, keyEnd));
    i = skipWhitespace(text, keyEnd);
    if (text[i] !== ':') return undefined;
    const start = skipWhitespace(text, i + 1);
    const end = endOfValue(text, start);
    if (end < 0) return undefined;
    if (key === name) found = text.slice(start, end);
    i = skipWhitespace(text, end);
    if (text[i] === '}') return found;
    if (text[i] !== ',') return undefined;
    i = skipWhitespace(text, i + 1);
  }
  return undefined;
}
