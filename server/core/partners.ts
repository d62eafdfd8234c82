import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findPackageRoot } from '../packageRoot.js';
import { readJson, readText } from './readNamedFile.js';

/** A partner (merchant) of DANA, with its keys parsed once. */
export interface Partner {
  partnerId: string;
  name?: string;
  clientSecret?: string;
  merchantId?: string;
  /** Whether DANA holds a push-notification configuration for it (push notifications about its orders). */
  pushConfigured: boolean;
  /** Requests of this partner without X-Mock-Session join the session named after its partner id. */
  isolated: boolean;
  publicKey: KeyObject;
  /** Only the sandbox's own TEST-ONLY partners have one (for the signing helper). */
  privateKey?: KeyObject;
  /** First 16 hex of SHA-256 over the public key's DER: names the key in diagnostics. */
  keyFingerprint: string;
  /** Where the key came from, for diagnostics. */
  keySource: string;
}

/** What a partner file or the admin API describes: the public key as PEM (SPKI or PKCS#1) or bare base64 DER. */
export interface PartnerInput {
  partnerId: string;
  name?: string;
  clientSecret?: string;
  merchantId?: string;
  pushConfigured?: boolean;
  isolated?: boolean;
  publicKey: string;
  privateKey?: string;
}

const pemPattern = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----$/;

/**
 * Undoes what copying a key out of a dashboard, a .env file or a JSON string does to it: literal
 * `\n` escapes for line breaks, or a PEM squeezed onto one line with spaces. The PEM is rebuilt
 * from its label and base64 body, so any spacing inside the body is dropped.
 */
export function normaliseKeyText(text: string): string {
  const unescaped = text.replace(/\\r\\n|\\n|\\r/g, '\n').trim();
  const pem = pemPattern.exec(unescaped);
  if (!pem) return unescaped;
  const body = pem[2].replace(/\s+/g, '');
  return `-----BEGIN ${pem[1]}-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END ${pem[1]}-----\n`;
}

/** Parses a public key the ways DANA's dashboard and partners hand them over (see normaliseKeyText). */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = normaliseKeyText(text);
  if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
  const der = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    return createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

export function fingerprintKey(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * One id is X-PARTNER-ID (1-36, Apply OTT), X-CLIENT-KEY (no length, Resend OTP) and the envelope's
 * head.clientId (String(32), pushNotificationUser; docs/protocol.md): only 32 fits them all. The seeds' ids have 22 or 32 digits.
 */
export const partnerIdMaxLength = 32;

/** Whether a private key is the other half of a public one (same SPKI). */
export function keysMatch(privateKey: KeyObject, publicKey: KeyObject): boolean {
  return createPublicKey(privateKey).equals(publicKey);
}

/** A file inside the package named from its root, so diagnostics (and saved examples) show no machine's folders. */
function fromPackageRoot(source: string): string {
  const root = findPackageRoot();
  return source.startsWith(root) && /^[\\/]/.test(source.charAt(root.length)) ? source.slice(root.length + 1) : source;
}

/** Builds a Partner, naming `source` in the error when a key cannot be parsed (`privateSource` for its private key). */
export function createPartner(input: PartnerInput, source: string, privateSource = source): Partner {
  if (!input.partnerId) throw new Error(`${source}: partnerId is missing`);
  if (input.partnerId.length > partnerIdMaxLength) {
    throw new Error(
      `${source}: partnerId ${input.partnerId} has ${input.partnerId.length} characters; at most ${partnerIdMaxLength}, as the envelope's head.clientId allows (X-PARTNER-ID allows 36, but such a partner could never push)`,
    );
  }
  let publicKey: KeyObject;
  let privateKey: KeyObject | undefined;
  // createPublicKey would happily derive a public key from a private one, which then sits in the data file.
  if (/PRIVATE KEY/.test(input.publicKey))
    throw new Error(
      `${source}: the publicKey of partner ${input.partnerId} is a private key; register only the public half (keep the private key to yourself)`,
    );
  try {
    publicKey = parsePublicKey(input.publicKey);
    if (publicKey.asymmetricKeyType !== 'rsa')
      throw new Error(`expected an RSA key, got ${publicKey.asymmetricKeyType}`);
  } catch (error) {
    throw new Error(`${source}: cannot parse the key of partner ${input.partnerId}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    privateKey = input.privateKey ? createPrivateKey(input.privateKey) : undefined;
  } catch (error) {
    throw new Error(
      `${privateSource}: cannot parse the private key of partner ${input.partnerId}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  // The signing helper would sign with it, and every signature would then fail against the public key.
  if (privateKey && !keysMatch(privateKey, publicKey))
    throw new Error(
      `${privateSource}: the private key of partner ${input.partnerId} does not match its public key ${source}; regenerate the pair (keys/README.md)`,
    );
  return {
    partnerId: input.partnerId,
    name: input.name,
    clientSecret: input.clientSecret,
    merchantId: input.merchantId,
    pushConfigured: input.pushConfigured ?? true,
    isolated: input.isolated ?? false,
    publicKey,
    privateKey,
    keyFingerprint: fingerprintKey(publicKey),
    // A file inside the package is named from its root, so diagnostics (and saved examples) show no machine's folders.
    keySource: fromPackageRoot(source),
  };
}

/** The partners the sandbox knows, by partner id (X-PARTNER-ID, X-CLIENT-KEY, clientId). */
export class PartnerRegistry {
  private readonly partners = new Map<string, Partner>();

  register(partner: Partner): Partner {
    this.partners.set(partner.partnerId, partner);
    return partner;
  }

  get(partnerId: string): Partner | undefined {
    return this.partners.get(partnerId);
  }

  list(): Partner[] {
    return [...this.partners.values()];
  }
}

type PartnerFileSpec = PartnerInput & { publicKeyFile?: string; privateKeyFile?: string };

/** Every `keys/<name>/partner.json`, with its key files beside it. */
export function loadKeyDirPartners(keysDir: string): Partner[] {
  return readdirSync(keysDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(keysDir, d.name, 'partner.json')))
    .map((d) => {
      const dir = join(keysDir, d.name);
      const file = join(dir, 'partner.json');
      const spec = readJson(file) as PartnerFileSpec;
      if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
        throw new Error(`${file} must hold one JSON object ({"partnerId": ..., "publicKeyFile": ...})`);
      if (typeof spec.partnerId !== 'string' || !spec.partnerId)
        throw new Error(`${file}: partnerId is missing (a string, as sent in X-PARTNER-ID)`);
      const publicFile = join(dir, spec.publicKeyFile ?? 'public.pem');
      const privateFile = spec.privateKeyFile ? join(dir, spec.privateKeyFile) : undefined;
      return createPartner(
        { ...spec, publicKey: readText(publicFile), privateKey: privateFile ? readText(privateFile) : undefined },
        publicFile,
        privateFile,
      );
    });
}

/** A partners file: `{ "partners": [ { partnerId, publicKey | publicKeyFile, ... } ] }`, paths relative to it. */
export function loadPartnersFile(file: string): Partner[] {
  let spec: { partners?: (Partial<PartnerInput> & { publicKeyFile?: string })[] };
  try {
    spec = readJson(file) as typeof spec;
  } catch (error) {
    throw new Error(`Cannot load partners file ${file}: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(spec.partners)) throw new Error(`Partners file ${file} must hold {"partners": [...]}`);
  return spec.partners.map((p, i) => {
    const publicKey = p.publicKeyFile ? readText(resolve(file, '..', p.publicKeyFile)) : p.publicKey;
    if (!publicKey) throw new Error(`${file}: partners[${i}] needs publicKey or publicKeyFile`);
    return createPartner({ ...(p as PartnerInput), publicKey }, `${file} partners[${i}]`);
  });
}

/** The sandbox's own TEST-ONLY "DANA" key pair, which signs envelope responses. */
export interface DanaKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
}

/**
 * Loads keys/dana/private.pem and, when present, checks keys/dana/public.pem against it: partners
 * verify envelope responses with that file, so a stale or garbage one must stop start-up rather
 * than fail every verification later. Without public.pem the key is still at GET /__admin/keys/dana.
 */
export function loadDanaKeys(keysDir: string): DanaKeys {
  const dir = join(keysDir, 'dana');
  const file = join(dir, 'private.pem');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readText(file));
  } catch (error) {
    throw new Error(`Cannot load the sandbox's DANA key ${file}: ${(error as Error).message}`, { cause: error });
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  const publicFile = join(dir, 'public.pem');
  if (existsSync(publicFile)) checkDanaPublicKey(publicFile, privateKey);
  return { privateKey, publicKeyPem };
}

function checkDanaPublicKey(file: string, privateKey: KeyObject): void {
  const text = readText(file);
  const regenerate = 'regenerate the pair (npm run keys:generate) or delete public.pem to use GET /__admin/keys/dana';
  // A private key here would parse (its public half is derived) and match: refuse it, it is about to be handed out.
  if (/PRIVATE KEY/.test(text))
    throw new Error(
      `Cannot load the sandbox's DANA public key ${file}: it holds a private key; partners download this file, so it must hold only the public half`,
    );
  let publicKey: KeyObject;
  try {
    publicKey = parsePublicKey(text);
  } catch (error) {
    throw new Error(`Cannot load the sandbox's DANA public key ${file}: ${(error as Error).message}; ${regenerate}`, {
      cause: error,
    });
  }
  if (!keysMatch(privateKey, publicKey))
    throw new Error(
      `The sandbox's DANA public key ${file} does not match ${join(file, '..', 'private.pem')}: partners verifying with it would reject every signed response; ${regenerate}`,
    );
}
