import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Configuration, Dana } from 'dana-node';
import { demoPartner, root } from './partners.js';

/** The environment variables dana-node reads its settings from besides its constructor's. */
const sdkEnvironment = ['X_PARTNER_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'X_DEBUG', 'DANA_ENV', 'ENV'];

/** Keeps the test's environment out of dana-node; call the returned function after the tests to put it back. */
export function isolateSdkEnvironment(): () => void {
  const saved = { ...process.env };
  for (const name of sdkEnvironment) delete process.env[name];
  return () => {
    process.env = saved;
  };
}

export const partnerPrivateKey = (who = 'demo-partner') => readFileSync(join(root, 'keys', who, 'private.pem'), 'utf8');

type SdkApi = 'widgetApi' | 'paymentGatewayApi' | 'disbursementApi' | 'merchantManagementApi';

/**
 * A dana-node client exactly as a partner builds one, its `api` re-pointed from DANA's host to `url`
 * (omit it to keep DANA's host, e.g. for MSW). dana-node fixes its base URL from `env` and its
 * withPreMiddleware() clone throws, so the only way to reach a local gateway is to replace the API
 * object's (TS-protected) configuration.
 */
export function createDanaClient(
  api: SdkApi,
  url?: string,
  options: { privateKey?: string; clientSecret?: string } = {},
): Dana {
  const dana = new Dana({
    partnerId: demoPartner.partnerId,
    privateKey: options.privateKey ?? partnerPrivateKey(),
    ...(options.clientSecret && { clientSecret: options.clientSecret }),
    origin: 'https://merchant.example',
    env: 'sandbox',
  });
  if (url)
    (dana[api] as unknown as { configuration: Configuration }).configuration = new Configuration({ basePath: url });
  return dana;
}
