import type { PartnerInput } from '../core/partners.js';
import { ok, type AdminRoute } from './adminRoute.js';

/** The sandbox's own DANA public key, to verify the signatures of envelope responses. */
export const keyRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/keys/dana',
    summary: "The sandbox's TEST-ONLY DANA public key (PEM, SPKI).",
    handle: (_request, deps) => ({
      status: 200,
      body: deps.dana.publicKeyPem,
      headers: { 'content-type': 'application/x-pem-file' },
    }),
  },
  {
    method: 'GET',
    path: '/keys/partners',
    summary: 'The registered partners and the fingerprints of their public keys.',
    handle: (_request, deps) =>
      ok({
        partners: deps.partners.list().map((p) => ({
          partnerId: p.partnerId,
          name: p.name,
          keyFingerprint: p.keyFingerprint,
          keySource: p.keySource,
          signingHelper: deps.config.signingHelper && Boolean(p.privateKey),
        })),
      }),
  },
  {
    method: 'POST',
    path: '/keys/partners',
    bodySchema: 'admin.partner.json',
    summary: 'Register (or re-key) a partner with its public key (PEM or bare base64 DER). Kept across restarts.',
    handle: ({ body, control }) => ok(control.registerPartner(body as PartnerInput), 201),
  },
];
