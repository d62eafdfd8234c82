/** DANA's hosts, as dana-node's getBasePathByEnv names them (sandbox, production). */
export const danaHosts = ['https://api.sandbox.dana.id', 'https://api.saas.dana.id'] as const;
