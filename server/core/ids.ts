import { randomBytes, randomFillSync, randomUUID } from 'node:crypto';

/** Where every generated id comes from, so tests can make them predictable. */
export interface IdGenerator {
  uuid(): string;
  /** Lower-case hex of `bytes` random bytes. */
  hex(bytes: number): string;
  /** An opaque token of `length` URL-safe characters. */
  token(length: number): string;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random ids for the running sandbox. */
export function createRandomIds(): IdGenerator {
  // One call to the random source per 4 KiB, not per token: a randomBytes call cost more than the rest of a token.
  const pool = Buffer.allocUnsafe(4096);
  let used = pool.length;
  const take = (n: number): Uint8Array => {
    if (n > pool.length) return randomBytes(n);
    if (used + n > pool.length) {
      randomFillSync(pool);
      used = 0;
    }
    used += n;
    return pool.subarray(used - n, used);
  };
  return {
    uuid: () => randomUUID(),
    hex: (bytes) => randomBytes(bytes).toString('hex'),
    token: (length) => {
      const bytes = take(length);
      let token = '';
      for (let i = 0; i < length; i++) token += alphabet[bytes[i] % alphabet.length];
      return token;
    },
  };
}

/** Deterministic ids (a counter) for tests and byte-for-byte parity checks. */
export function createSequentialIds(prefix = 'seq'): IdGenerator {
  let n = 0;
  const next = () => (++n).toString(16).padStart(12, '0');
  return {
    uuid: () => `00000000-0000-4000-8000-${next()}`,
    hex: (bytes) => next().padStart(bytes * 2, '0'),
    token: (length) => `${prefix}${next()}`.padEnd(length, '0').slice(0, length),
  };
}
