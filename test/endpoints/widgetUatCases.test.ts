import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { bindingLifetimes } from '../../server/domain/bindingLifetimes.js';
import type { Sandbox } from '../../server/sandbox.js';
import { demoPartner, root } from '../support/partners.js';
import { expectLikeDana } from '../support/expectLikeDana.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { loginOnPage } from '../pages/oauthPage.requests.js';
import { sendB2b2c } from '../support/snapRequest.js';
import { accountUnbindingPath } from './accountUnbinding.requests.js';
import { bindCustomer, sendApplyToken } from './applyToken.requests.js';
import { balanceInquiryPath } from './balanceInquiry.requests.js';

type UatCase = { request: Record<string, unknown>; response: Record<string, unknown> & { responseCode: string } };
const uat = JSON.parse(readFileSync(join(root, 'test', 'uat', 'Widget.json'), 'utf8')) as Record<
  string,
  Record<string, UatCase>
>;

/** What one run of a case varies: its session, reference numbers, device and X-TIMESTAMP. */
interface Run {
  session: string;
  timestamp: string;
  reference: string;
}

/** Fills DANA's runner placeholders (${authCode}, ${accessToken}, ${MERCHANT_ID}, ${partnerReferenceNo}). */
function fill(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\$\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  if (Array.isArray(value)) return value.map((v) => fill(v, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  return value;
}

/**
 * Widget.json nests balance inquiry's fields one level deep in additionalInfo; dana-node's
 * BalanceInquiryRequest has partnerReferenceNo and balanceTypes at the top and additionalInfo with the
 * token and the (mandatory) deviceId that DANA's runner sets to deviceid123.
 */
function asSdkBalanceRequest(request: Record<string, unknown>): Record<string, unknown> {
  const outer = request.additionalInfo as Record<string, unknown>;
  const inner = outer.additionalInfo as Record<string, unknown>;
  return {
    partnerReferenceNo: outer.partnerReferenceNo,
    balanceTypes: outer.balanceTypes,
    additionalInfo: { ...inner, deviceId: 'deviceid123' },
  };
}

/** How DANA's runner reaches each case against its sandbox, here by state or magic data; the request itself is the case's. */
type Driver = (sandbox: Sandbox, uatRequest: Record<string, unknown>, run: Run) => Promise<{ body: unknown }>;

const badSignature = { 'X-SIGNATURE': 'invalid_signature' };
const noTimestamp = { 'X-TIMESTAMP': '' };

function applyToken(values: (s: Sandbox, run: Run) => Promise<Record<string, string>>, change: object = {}): Driver {
  return async (sandbox, uatRequest, run) => {
    const body = { ...(fill(uatRequest, await values(sandbox, run)) as object), ...change };
    return sendApplyToken(sandbox.app, body, { session: run.session, timestamp: run.timestamp });
  };
}

const freshCode = async (sandbox: Sandbox, run: Run) => ({
  authCode: await loginOnPage(sandbox.app, { session: run.session }),
});

function balance(token: (s: Sandbox, run: Run) => Promise<string>, headers: Record<string, string> = {}): Driver {
  return async (sandbox, uatRequest, run) => {
    const values = { accessToken: await token(sandbox, run), partnerReferenceNo: run.reference };
    const body = asSdkBalanceRequest(fill(uatRequest, values) as Record<string, unknown>);
    return sendB2b2c(sandbox.app, balanceInquiryPath, body as never, {
      session: run.session,
      timestamp: run.timestamp,
      headers,
    });
  };
}

const bound = (sandbox: Sandbox, run: Run) => bindCustomer(sandbox.app, run.session);
const seeded = (token: string) => async () => token;

const drivers: Record<string, Record<string, Driver>> = {
  ApplyToken: {
    ApplyTokenSuccess: applyToken(freshCode),
    ApplyTokenFailAuthcodeUsed: async (sandbox, uatRequest, run) => {
      const values = await freshCode(sandbox, run);
      await applyToken(async () => values)(sandbox, uatRequest, run);
      return applyToken(async () => values)(sandbox, uatRequest, run);
    },
    ApplyTokenFailInvalidSignature: async (sandbox, uatRequest, run) => {
      const body = fill(uatRequest, await freshCode(sandbox, run));
      return sendApplyToken(sandbox.app, body, { session: run.session, headers: badSignature });
    },
    ApplyTokenFailExpiredAuthCode: async (sandbox, uatRequest, run) => {
      const values = await freshCode(sandbox, run);
      sandbox.control.forSession(run.session).clock.advance(bindingLifetimes.authCodeSeconds * 1000);
      return applyToken(async () => values)(sandbox, uatRequest, run);
    },
    ApplyTokenFailInvalidAuthCode: applyToken(async () => ({ authCode: `never-issued-${randomUUID()}` })),
    ApplyTokenFailMissingField: async (sandbox, uatRequest, run) => {
      const body = fill(uatRequest, await freshCode(sandbox, run));
      return sendApplyToken(sandbox.app, body, { session: run.session, headers: noTimestamp });
    },
    ApplyTokenFailInvalidField: applyToken(freshCode, { grantType: 'PASSWORD' }),
  },
  AccountUnbinding: {
    AccountUnbindSuccess: async (sandbox, uatRequest, run) => {
      const values = { accessToken: await bound(sandbox, run), MERCHANT_ID: demoPartner.merchantId };
      const body = { ...(fill(uatRequest, values) as object), partnerReferenceNo: run.reference };
      return sendB2b2c(sandbox.app, accountUnbindingPath, body as never, {
        session: run.session,
        timestamp: run.timestamp,
      });
    },
  },
  BalanceInquiry: {
    BalanceInquirySuccess: balance(bound),
    BalanceInquiryFailInvalidFormat: balance(bound),
    BalanceInquiryFailInvalidMandatoryField: balance(bound, noTimestamp),
    BalanceInquiryFailInactiveAccount: balance(seeded('demo-token-frozen')),
    BalanceInquiryFailUnauthorizedError: balance(bound, badSignature),
    BalanceInquiryFailAccessTokenInvalid: balance(seeded('demo-token-revoked')),
    BalanceInquiryFailAccountUserStatusAbnormal: balance(seeded('demo-token-abnormal')),
  },
};

const cases = Object.keys(drivers).flatMap((operation) =>
  Object.keys(uat[operation]).map((name) => [operation, name, uat[operation][name].response.responseCode] as const),
);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

describe("DANA's UAT widget cases (Widget.json)", () => {
  it('has a driver for every case of the operations it covers', () => {
    for (const [operation, byCase] of Object.entries(drivers))
      expect(Object.keys(byCase).sort()).toEqual(Object.keys(uat[operation]).sort());
  });

  it.each(cases)(
    '%s %s answers %s and every member DANA expects, whatever the ids and timestamps',
    async (operation, name) => {
      for (const round of [1, 2]) {
        const run: Run = {
          session: `${name}-${round}-${randomUUID().slice(0, 8)}`,
          timestamp: formatJakartaTime(new Date(fixedNow + round * 7_000)),
          reference: randomUUID(),
        };
        const res = await drivers[operation][name](sandbox, uat[operation][name].request, run);
        expectLikeDana(fill(uat[operation][name].response, { partnerReferenceNo: run.reference }), res.body);
      }
    },
  );
});
