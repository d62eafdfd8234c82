import type { Sandbox } from '../../server/sandbox.js';

/** Calls the control plane in-process, as a test would over HTTP; returns status and parsed JSON. */
export async function admin(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  session?: string,
): Promise<{ status: number; body: any }> {
  const [p, q = ''] = path.split('?');
  const res = await sandbox.handle({
    method,
    path: `/__admin${p}`,
    search: q ? `?${q}` : '',
    headers: session ? { 'x-mock-session': session } : {},
    rawBody: body === undefined ? '' : JSON.stringify(body),
  });
  const json = res.headers['content-type'] === 'application/json';
  return { status: res.status, body: json ? JSON.parse(res.body) : res.body };
}
