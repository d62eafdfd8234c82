import type { ExampleRequest } from '../core/examples.js';

/**
 * A merchant-management request as dana-node sends it: the Open API head without an accessToken
 * (docs/protocol.md#dana-nodes-open-api-helper) and the operation's body.
 */
export function merchantRequest(path: string, functionName: string, body: Record<string, unknown>): ExampleRequest {
  return {
    path,
    body: {
      request: {
        head: {
          version: '2.0',
          function: functionName,
          clientId: '{{partnerId}}',
          clientSecret: '{{clientSecret}}',
          reqTime: '{{reqTime}}',
          reqMsgId: '{{$guid}}',
          reserve: '{}',
        },
        body,
      },
      signature: 'signed by the collection pre-request script',
    },
  };
}

/** The seeded demo merchant, its division and its shop (scenarios/fixtures.json), as Postman variables. */
export const merchantVariables = {
  merchantId: '216620000000000000001',
  demoShopId: '216620000000000000101',
  demoDivisionId: '216620000000000000201',
};

/** An address as DANA's samples give one (dana-node AddressInfo). */
export const sampleAddress = {
  country: 'Indonesia',
  province: 'DKI Jakarta',
  city: 'Kota Jakarta Selatan',
  area: 'Kebayoran Lama',
  address1: 'address1',
  address2: 'address2',
  postcode: '12710',
};
