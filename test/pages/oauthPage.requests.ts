import type { Express } from 'express';
import request from 'supertest';
import { oauthUrlFor } from './oauthUrl.js';

/** The OAuth page's last step posted straight (no browser): the auth code its redirect carries. */
export async function loginOnPage(
  app: Express,
  options: { session?: string; phone?: string; pin?: string } = {},
): Promise<string> {
  const url = new URL(oauthUrlFor('http://sandbox.test', { redirectUrl: 'https://partner.example/cb', ...options }));
  const res = await request(app)
    .post(`${url.pathname}${url.search}`)
    .type('form')
    .send({ step: 'pin', phone: options.phone ?? '083811223355', consent: 'agree', pin: options.pin ?? '181818' });
  if (res.status !== 303) throw new Error(`The OAuth page answered ${res.status}, not a redirect: ${res.text}`);
  return new URL(res.headers.location).searchParams.get('authCode')!;
}
