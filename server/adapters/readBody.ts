/**
 * How both adapters turn a request body into the text the core hashes and parses. One place, so
 * HTTP and MSW accept and refuse exactly the same bodies (test/adapters/parity.test.ts).
 */

/** The largest body either adapter reads: 1 MiB. Larger bodies are refused in the endpoint's envelope. */
export const maxBodyBytes = 1024 * 1024;

/** Why a body over maxBodyBytes is refused (the same words whichever adapter read it). */
export const bodyTooLargeReason = `the body is larger than the ${maxBodyBytes} bytes (1 MiB) the sandbox reads.`;

/**
 * Why a Content-Encoding is refused, or undefined for none/identity. Signatures cover the bytes on
 * the wire, and a sandbox that inflated them would verify something DANA's gateway never sees.
 */
export function refuseContentEncoding(headers: Record<string, string>): string | undefined {
  const value = headers['content-encoding']?.trim() ?? '';
  const codings = value
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter(Boolean);
  if (codings.every((c) => c === 'identity')) return undefined;
  return `Content-Encoding "${value}" is not accepted: send the body uncompressed (no Content-Encoding, or identity), as the signature covers the bytes sent.`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text, or why it cannot be: replacement characters would be hashed as if sent. */
export function decodeBody(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.byteLength > maxBodyBytes) return { reason: bodyTooLargeReason };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { reason: 'the body is not valid UTF-8; send it UTF-8 encoded, as the signature covers its bytes.' };
  }
}
