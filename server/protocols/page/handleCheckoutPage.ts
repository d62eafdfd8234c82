import type { SandboxDeps, SandboxRequest, SandboxResponse } from '../../core/types.js';
import { findAnyOrder, finishOrder, payOrder } from '../../payments/orderBook.js';
import { finalStatuses, type PaymentOrder } from '../../payments/PaymentOrder.js';
import type { Customer } from '../../store/entities.js';
import { checkoutPageId } from './index.js';
import { renderCheckoutPage, type CheckoutStep } from './renderCheckoutPage.js';

/** Where createOrder's and widget payment's webRedirectUrl point: /checkout/<referenceNo>. */
export const checkoutPrefix = '/checkout/';

export const isCheckoutPath = (path: string) => path.startsWith(checkoutPrefix);

const htmlHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** 083811223355, +6283811223355, 6283811223355 and 83811223355 are the same DANA number. */
function normalizePhone(input: string): string {
  const digits = input.replace(/[\s\-+()]/g, '');
  if (digits.startsWith('62')) return `0${digits.slice(2)}`;
  return digits.startsWith('8') ? `0${digits}` : digits;
}

type Login = { customer: Customer } | { error: string };

function findCustomer(phone: string, deps: SandboxDeps, session: string | undefined): Login {
  const number = normalizePhone(phone);
  if (!/^0[0-9]{8,14}$/.test(number)) return { error: 'Nomor HP tidak valid. Masukkan 9 sampai 15 digit.' };
  const customer = deps.store.list('customers', session).find((c) => normalizePhone(c.phone) === number);
  if (!customer?.pin) return { error: 'Nomor HP ini belum terdaftar di DANA.' };
  if (customer.status !== 'ACTIVE') return { error: 'Akun DANA ini tidak dapat dipakai membayar.' };
  return { customer };
}

type Result = CheckoutStep | { redirect: string; code: string };

/** The posted step leads to the next step, or, once paid or cancelled, to the partner's PAY_RETURN url. */
function advance(order: PaymentOrder, form: URLSearchParams, deps: SandboxDeps): Result {
  const step = form.get('step');
  if (step === 'method') return { step: 'phone' };
  const phone = (step === 'phone' ? form.get('phoneNumber') : form.get('phone')) ?? '';
  const login = findCustomer(phone, deps, order.session);
  if ('error' in login) return { step: 'phone', phone, error: login.error };
  const known = normalizePhone(phone);
  if (step === 'phone') return { step: 'pin', phone: known };
  const pin = form.get('pin') ?? '';
  if (!/^[0-9]{6}$/.test(pin)) return { step: 'pin', phone: known, error: 'PIN harus 6 digit angka.' };
  if (pin !== login.customer.pin) return { step: 'pin', phone: known, error: 'PIN yang kamu masukkan salah.' };
  if (step === 'pin') return { step: 'confirm', phone: known, pin, customer: login.customer };
  const done = (paid: boolean, message: string, code: string): Result =>
    order.payReturnUrl ? { redirect: order.payReturnUrl, code } : { step: 'result', paid, message };
  if (form.get('action') === 'cancel') {
    finishOrder(order, 'CANCELLED', deps, 'CANCELLED_BY_USER');
    return done(false, 'Pembayaran dibatalkan.', 'CANCELLED');
  }
  const paid = payOrder(order, deps, { customerId: login.customer.id, via: 'checkout page' });
  if ('refused' in paid)
    return { step: 'confirm', phone: known, pin, customer: login.customer, error: `Pembayaran gagal: ${paid.refused}` };
  if (paid.status !== 'SUCCESS') return done(false, `Pembayaran gagal (${paid.status}).`, paid.status);
  return done(true, `Pembayaran ${paid.amount.value} berhasil.`, 'SUCCESS');
}

const redactPin = (body: string) => body.replace(/(^|&)pin=[^&]*/, '$1pin=******');

/**
 * DANA's checkout page for an order: pay with DANA -> phone -> PIN -> pay or cancel -> 303 to the order's PAY_RETURN
 * url. Server-rendered; each step posts back to the same URL, whose ?session= keeps the order's session. It carries the
 * class names and test ids DANA's UAT automation looks for (btn-continue, txt-input-pin-field, btn btn-primary, ...).
 */
export function handleCheckoutPage(request: SandboxRequest, deps: SandboxDeps): SandboxResponse {
  const referenceNo = decodeURIComponent(request.path.slice(checkoutPrefix.length));
  const session = new URLSearchParams(request.search).get('session') ?? request.headers['x-mock-session'] ?? undefined;
  const order = findAnyOrder(deps, (o) => o.referenceNo === referenceNo, session);
  let response: SandboxResponse;
  let code: string;
  if (request.method !== 'GET' && request.method !== 'POST') {
    code = 'METHOD_NOT_ALLOWED';
    response = { status: 405, headers: { ...htmlHeaders, allow: 'GET, POST' }, body: 'GET or POST only.' };
  } else if (!order) {
    code = 'ORDER_NOT_FOUND';
    response = {
      status: 404,
      headers: htmlHeaders,
      body: `<!doctype html><html lang="id"><body><p class="lbl-failed" data-testid="payment-error">Pesanan ${referenceNo.replace(/[^\w-]/g, '')} tidak ditemukan${session ? ` di sesi ${session.replace(/[^\w-]/g, '')}` : ''}.</p></body></html>`,
    };
  } else {
    const merchant = deps.partners.get(order.partnerId)?.name ?? order.merchantId;
    const open = !finalStatuses.has(order.status);
    const result: Result = !open
      ? { step: 'result', paid: order.status === 'SUCCESS', message: `Pesanan ini sudah ${order.status}.` }
      : request.method === 'GET'
        ? { step: 'method' }
        : advance(order, new URLSearchParams(request.rawBody), deps);
    const action = `${request.path}${request.search}`;
    if ('redirect' in result) {
      code = result.code;
      response = { status: 303, headers: { ...htmlHeaders, location: result.redirect }, body: '' };
    } else {
      code = result.step === 'result' ? (result.paid ? 'SUCCESS' : 'NOT_PAYABLE') : result.step.toUpperCase();
      const latest = findAnyOrder(deps, (o) => o.referenceNo === referenceNo, session) ?? order;
      response = { status: 200, headers: htmlHeaders, body: renderCheckoutPage(latest, merchant, result, action) };
    }
  }
  deps.journal.record({
    id: deps.ids.uuid(),
    at: deps.clock.now(session).toISOString(),
    session,
    endpoint: checkoutPageId,
    partnerId: order?.partnerId,
    code,
    verdicts: { page: 'checkout', referenceNo },
    request: { ...request, rawBody: redactPin(request.rawBody) },
    response,
  });
  return response;
}
