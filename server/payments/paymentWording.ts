import type { SnapCaseKey } from '../protocols/snap/snapCases.js';

/**
 * DANA's cancel and refund services (57, 58) word "Transaction Not Permitted" without SNAP's closing period
 * (UAT CancelOrderNotAllowed, RefundOrderNotAllowed, Widget CancelOrderFailNotAllowedByAgreement).
 */
export const paymentWording = {
  transactionNotPermitted: 'Transaction Not Permitted',
} as const satisfies Partial<Record<SnapCaseKey, string>>;

/**
 * A Payment Gateway order left to the checkout (no payOptionDetails) and without externalStoreId: DANA's success
 * message warns that QRIS will not be offered (UAT CreateOrderRedirect, the first of its two wordings).
 */
export const redirectSuccessMessage =
  'Successful. If you want to use QRIS and it is not showing in payment methods, make sure you already fill externalStoreId. See https://dashboard.dana.id/sandbox/submerchants in the external shop id section.';
