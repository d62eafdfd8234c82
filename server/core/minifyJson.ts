/**
 * Drops whitespace outside string literals, keeping every other byte (key order, escapes,
 * number spelling) as sent: SNAP's `minify(body)` as DANA's SDKs practise it (docs/protocol.md#body-hash-and-minify).
 * Works on invalid JSON too, so a signature can be checked before the body is parsed.
 */
export function minifyJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') {
      out += ch;
    }
  }
  return out;
}
