import { createHash, timingSafeEqual } from 'node:crypto';
import type { SandboxConfig } from '../config.js';
import type { SandboxRequest } from '../core/types.js';
import { danaHosts } from '../danaHosts.js';
import { ControlError } from '../control/ControlError.js';

/** Names every local client uses for the sandbox; a DNS-rebinding page can never send them as its Host. */
const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];
/** Bind-everything addresses name no host a client could address. */
const wildcardHosts = new Set(['', '0.0.0.0', '::', '[::]']);
const stateChanging = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** A Host header value or allowed-hosts entry split into name and port (`[::1]:4510`), name in lower case; undefined if it is none. */
function parseHost(host: string): { name: string; port?: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^[\]:/\s@]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return match ? { name: match[1].toLowerCase().replace(/\.$/, ''), port: match[2] } : undefined;
}

const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

const bracketed = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Who may drive the control plane, computed from the config. */
interface AccessPolicy {
  hostNames: Set<string>;
  /** Host names whose every origin is allowed (--allowed-hosts entries given without a scheme). */
  originHosts: Set<string>;
  /** Exact origins (--allowed-hosts entries given as http(s)://host[:port]). */
  origins: Set<string>;
}

function urlOf(text: string, option: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`${option}: "${text}" is not a URL; give an origin such as http://ci-runner:4510.`);
  }
}

/** Who may drive the control plane; throws naming a bad --allowed-hosts entry (createSandbox calls it once, at start-up). */
export function accessPolicyOf(config: SandboxConfig): AccessPolicy {
  const builtIn = [
    ...loopbackNames,
    ...[...danaHosts, ...config.baseUrls].map((url) => urlOf(url, 'baseUrls').hostname),
  ];
  if (!wildcardHosts.has(config.host)) builtIn.push(bracketed(config.host));
  const policy: AccessPolicy = { hostNames: new Set(), originHosts: new Set(), origins: new Set() };
  builtIn.forEach((host) => policy.hostNames.add(host.toLowerCase()));
  for (const entry of config.allowedHosts) {
    if (entry.includes('://')) {
      const url = urlOf(entry, '--allowed-hosts');
      policy.hostNames.add(url.hostname.toLowerCase());
      policy.origins.add(url.origin);
      continue;
    }
    const name = parseHost(entry)?.name;
    if (!name) throw new Error(`--allowed-hosts: "${entry}" is neither a host name nor an origin (http://host:port).`);
    policy.hostNames.add(name);
    policy.originHosts.add(name);
  }
  return policy;
}

const refuse = (why: string) =>
  new ControlError(
    403,
    `${why} The control plane answers only the sandbox's own hosts and origin (loopback, the configured host, DANA's hosts); name others with --allowed-hosts (env DANA_MOCK_ALLOWED_HOSTS).`,
  );

/**
 * Refuses what a web page could send: a Host the sandbox does not serve (DNS rebinding) or an Origin
 * other than the sandbox's own (cross-site requests). Absent headers are fine: curl, SDKs and in-process
 * calls send no Origin, and HTTP/1.0 clients no Host.
 */
function checkSite(request: SandboxRequest, policy: AccessPolicy): void {
  const { host, origin } = request.headers;
  const served = host === undefined ? undefined : parseHost(host);
  if (host !== undefined && (served === undefined || !policy.hostNames.has(served.name)))
    throw refuse(`Host "${host}" is not a name this sandbox serves.`);
  if (origin === undefined) return;
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  const web = url !== undefined && url.protocol in defaultPorts;
  // The page's origin is the sandbox's own when it names the host and port the request was sent to.
  const own =
    web &&
    served !== undefined &&
    url!.hostname.toLowerCase() === served.name &&
    (url!.port || defaultPorts[url!.protocol]) === (served.port ?? defaultPorts[url!.protocol]);
  const named = web && (policy.origins.has(url!.origin) || policy.originHosts.has(url!.hostname.toLowerCase()));
  if (!own && !named) throw refuse(`Origin "${origin}" is not this sandbox's own origin.`);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** With --admin-token, the request must carry it (compared in constant time). */
function checkToken(request: SandboxRequest, token: string | undefined): void {
  if (token === undefined) return;
  const { authorization, 'x-mock-admin-token': header } = request.headers;
  const sent = header ?? /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (sent !== undefined && timingSafeEqual(digest(sent), digest(token))) return;
  throw new ControlError(
    401,
    sent === undefined
      ? 'This sandbox requires its admin token on /__admin: send Authorization: Bearer <token> or X-Mock-Admin-Token: <token> (--admin-token, env DANA_MOCK_ADMIN_TOKEN).'
      : 'The admin token sent is not the one this sandbox was started with (--admin-token, env DANA_MOCK_ADMIN_TOKEN).',
  );
}

/** A form or text/plain body is what a cross-site page can send without asking: state changes take JSON only. */
function checkContentType(request: SandboxRequest): void {
  const type = request.headers['content-type'];
  if (!stateChanging.has(request.method) || type === undefined) return;
  if (type.split(';')[0].trim().toLowerCase() !== 'application/json')
    throw new ControlError(
      415,
      `${request.method} ${request.path} takes application/json only, not Content-Type "${type}".`,
    );
}

/** Checks host, origin, admin token and content type of a control-plane request before anything is read or changed. */
export function checkAdminAccess(request: SandboxRequest, config: SandboxConfig): void {
  checkSite(request, accessPolicyOf(config));
  checkToken(request, config.adminToken);
  checkContentType(request);
}
