/**
 * How long the binding credentials live on the sandbox clock. DANA publishes no figures for its
 * sandbox: an auth code is meant to be exchanged at once (minutes), the customer tokens for as long
 * as the binding lasts, so these are the sandbox's own choices, long enough for a test journey.
 */
export const bindingLifetimes = {
  authCodeSeconds: 10 * 60,
  accessTokenSeconds: 7 * 24 * 60 * 60,
  refreshTokenSeconds: 30 * 24 * 60 * 60,
} as const;
