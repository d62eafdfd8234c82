import { defineEndpoint } from '../../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../../core/types.js';
import { decideOtpResend, type OtpResendVerdict } from '../../domain/decideOtpResend.js';
import type { SnapCaseKey } from '../../protocols/snap/snapCases.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { resendOtpPostman } from './resendOtpPostman.js';

interface ResendOtpBody {
  journeyId: string;
  bankCardToken: string;
  merchantId: string;
  subMerchantId?: string;
  additionalInfo: { orderId: string };
}

/** The seed's samples carry traceId and chargeToken on exactly these answers (4038113 is its "success, SMS already sent"). */
const withChargeToken = new Set<OtpResendVerdict['case']>([
  'successful',
  'otpSentToCardholder',
  'transactionNotPermitted',
]);

function toOutcome(verdict: OtpResendVerdict, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const data = withChargeToken.has(verdict.case)
    ? { traceId: deps.ids.hex(16), chargeToken: deps.ids.uuid() }
    : undefined;
  if (verdict.case === 'successful')
    return { case: 'successful', data, debug: `OTP resent for journey ${verdict.journey.journeyId}.` };
  // The seed's fail sample reads "Transaction Not Permitted. ": SNAP's "[reason]" slot, left empty.
  const detail = verdict.case === 'transactionNotPermitted' ? '' : undefined;
  return { case: verdict.case, detail, data, debug: verdict.reason };
}

/**
 * Resend OTP (BNC's Direct Debit Resend OTP document, docs/protocol.md#resend-otp): sends the OTP of an
 * open direct-debit journey again. BNC pairs a B2B token with the asymmetric signature (docs/protocol.md#snap-signatures).
 */
export const resendOtp = defineEndpoint({
  id: 'resendOtp',
  method: 'POST',
  paths: ['/open/bi/private/v1.0/otp'],
  summary: 'Sends the OTP of an open direct-debit journey again (Bank Neo Commerce)',
  matchFields: { journeyId: 'journeyId' },
  tokenFields: ['bankCardToken'],
  postman: resendOtpPostman,
  protocol: snapProtocol({ serviceCode: '81', clientHeader: 'x-client-key', signature: 'asymmetric', b2bToken: true }),

  handle(exchange, deps) {
    const body = exchange.body as ResendOtpBody;
    const scope = exchange.session;
    const now = exchange.receivedAt;
    const card = deps.store.get('cards', body.bankCardToken, scope);
    const journey = deps.store.get('journeys', body.journeyId, scope);
    const verdict = decideOtpResend(
      { journeyId: body.journeyId, bankCardToken: body.bankCardToken, orderId: body.additionalInfo.orderId },
      card,
      journey,
      now,
    );
    if (verdict.case === 'successful')
      deps.store.put(
        'journeys',
        verdict.journey.journeyId,
        { ...verdict.journey, lastOtpSentAt: now.toISOString() },
        scope,
      );
    return toOutcome(verdict, deps);
  },
});
