import { describe, expect, it } from '@jest/globals';
import { defineEndpoint } from '../../server/core/endpoint.js';
import { envelopeProtocol } from '../../server/protocols/envelope/envelopeProtocol.js';
import { snapProtocol } from '../../server/protocols/snap/snapProtocol.js';

const snap = snapProtocol({ serviceCode: '99', clientHeader: 'x-partner-id', signature: 'asymmetric' });
const base = { id: 'probe', method: 'POST', paths: ['/probe'], summary: 'A probe' } as const;

// `npm run typecheck` checks this file: each @ts-expect-error fails the build if its line compiles.
describe("an endpoint's outcomes", () => {
  it("compile only as case keys of the endpoint's protocol catalogue", () => {
    const declared = [
      defineEndpoint({ ...base, protocol: snap, handle: () => ({ case: 'doNotHonor' }) }),
      // @ts-expect-error a typo of doNotHonor is no SNAP case
      defineEndpoint({ ...base, protocol: snap, handle: () => ({ case: 'doNotHonour' }) }),
      // @ts-expect-error MORE_THAN_ONCE_INVOKE's key is the envelope's, not SNAP's
      defineEndpoint({ ...base, protocol: snap, handle: () => ({ case: 'moreThanOnceInvoke' }) }),
      defineEndpoint({ ...base, protocol: envelopeProtocol({}), handle: () => ({ case: 'moreThanOnceInvoke' }) }),
    ];
    expect(declared.map((e) => e.protocol.name)).toEqual(['snap', 'snap', 'snap', 'envelope']);
  });
});
