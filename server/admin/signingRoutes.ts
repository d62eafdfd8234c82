import type { SignedRequest } from '../protocols/protocol.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import { ControlError } from '../control/ControlError.js';
import { ok, type AdminRoute } from './adminRoute.js';

interface SignInput {
  partnerId: string;
  method?: string;
  path: string;
  body?: string | Record<string, unknown>;
  timestamp?: string;
}

export const signingHelperWarning =
  'Sandbox-only: the sandbox signed with a TEST-ONLY key it holds. Against DANA, sign with your own private key.';

/**
 * The signing helper: Postman's script sandbox cannot make RSA signatures, so the sandbox signs for
 * the TEST-ONLY partners whose private key it holds (never for partners registered with only a
 * public key), in the scheme of the endpoint at `path`. `--no-signing-helper` removes it.
 */
export const signingRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/sign',
    bodySchema: 'admin.sign.json',
    summary:
      'Sandbox-only: sign a request for a TEST-ONLY partner whose private key the sandbox holds; returns the headers to set and the exact body to send.',
    handle: ({ body, control }, deps) => {
      if (!deps.config.signingHelper)
        throw new ControlError(
          404,
          'The signing helper is switched off (--no-signing-helper); sign requests with your own private key.',
        );
      const input = body as SignInput;
      const partner = deps.partners.get(input.partnerId);
      if (!partner)
        throw new ControlError(
          404,
          `No partner "${input.partnerId}" is registered; known: ${deps.partners
            .list()
            .map((p) => p.partnerId)
            .join(', ')}.`,
        );
      if (!partner.privateKey) {
        throw new ControlError(
          403,
          `The sandbox holds only the public key of partner ${partner.partnerId}, so it cannot sign for it: sign with that partner's own private key.`,
        );
      }
      const pathname = input.path.split('?')[0];
      const endpoint = deps.endpoints.find(pathname);
      if (!endpoint)
        throw new ControlError(
          404,
          `No emulated endpoint at ${pathname}; the helper signs for ${deps.endpoints
            .list()
            .flatMap((e) => e.paths)
            .join(', ')}.`,
        );
      const draft = {
        method: input.method ?? endpoint.method,
        path: input.path,
        body: typeof input.body === 'object' ? JSON.stringify(input.body) : (input.body ?? ''),
      };
      const context = {
        partnerId: partner.partnerId,
        privateKey: partner.privateKey,
        timestamp: input.timestamp ?? formatJakartaTime(control.clock.now()),
        externalId: deps.ids.hex(16),
      };
      let signed: SignedRequest;
      try {
        signed = endpoint.protocol.signRequest(draft, context);
      } catch (error) {
        throw new ControlError(400, `Cannot sign this ${endpoint.id} request: ${(error as Error).message}.`);
      }
      return ok({
        endpoint: endpoint.id,
        protocol: endpoint.protocol.name,
        partnerId: partner.partnerId,
        ...signed,
        warning: signingHelperWarning,
      });
    },
  },
];
