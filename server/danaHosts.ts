/**
 * DANA's hosts, as dana-node names them: the API gateway (getBasePathByEnv: sandbox, production) and
 * the OAuth pages (WidgetUtils.generateOauthUrl: sandbox, production).
 */
export const danaHosts = [
  'https://api.sandbox.dana.id',
  'https://api.saas.dana.id',
  'https://m.sandbox.dana.id',
  'https://m.dana.id',
] as const;
