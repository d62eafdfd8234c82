import type { Customer } from '../../store/entities.js';
import type { PaymentOrder } from '../../payments/PaymentOrder.js';

/** What the checkout draws: the method choice, the phone, the PIN, the confirmation, or a result. */
export type CheckoutStep =
  | { step: 'method' }
  | { step: 'phone'; phone?: string; error?: string }
  | { step: 'pin'; phone: string; error?: string }
  | { step: 'confirm'; phone: string; pin: string; customer: Customer; error?: string }
  | { step: 'result'; paid: boolean; message: string };

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** "15000.00" -> "Rp15.000,00", as DANA's page writes rupiah. */
export function formatRupiah(value: string): string {
  const [whole, fraction = '00'] = value.split('.');
  return `Rp${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${fraction}`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
const error = (text?: string) =>
  text
    ? `<p class="error-message lbl-failed-payment" data-testid="payment-error" role="alert">${escape(text)}</p>`
    : '';

function summary(order: PaymentOrder, merchant: string): string {
  const goods = order.goods
    .map((g) => `<li>${escape(String(g.name ?? g.description ?? 'item'))} × ${escape(String(g.quantity ?? '1'))}</li>`)
    .join('');
  return `<section class="order" data-testid="order-summary">
<p class="merchant" data-testid="merchant">${escape(merchant)}</p>
<h1 class="title">${escape(order.title || order.partnerReferenceNo)}</h1>
<p class="amount" data-testid="amount">${formatRupiah(order.amount.value)}</p>
${goods ? `<ul class="goods" data-testid="goods">${goods}</ul>` : ''}
</section>`;
}

function body(step: CheckoutStep, action: string): string {
  const form = (fields: string, buttons: string) =>
    `<form method="post" action="${escape(action)}">${fields}${buttons}</form>`;
  switch (step.step) {
    case 'method':
      return form(
        hidden('step', 'method'),
        `<div class="dana payment-method-dana"><button type="submit" class="bank-title">DANA</button></div>`,
      );
    case 'phone':
      return form(
        `${hidden('step', 'phone')}<label for="phoneNumber">Nomor HP</label>
<div class="desktop-input"><input id="phoneNumber" class="txt-input-phone-number-field" type="tel" name="phoneNumber" data-testid="phone-input" autocomplete="tel" value="${escape(step.phone ?? '')}"></div>${error(step.error)}`,
        `<div class="agreement__button"><button type="submit" class="btn-continue" data-testid="submit-phone">LANJUTKAN</button></div>`,
      );
    case 'pin':
      return form(
        `${hidden('step', 'pin')}${hidden('phone', step.phone)}<label for="pin">PIN DANA untuk ${escape(step.phone)}</label>
<input id="pin" class="txt-input-pin-field" type="password" name="pin" data-testid="pin-input" inputmode="numeric" maxlength="6" autocomplete="off">${error(step.error)}`,
        `<div class="agreement__button"><button type="submit" class="btn-continue">LANJUTKAN</button></div>`,
      );
    case 'confirm':
      return form(
        `${hidden('step', 'confirm')}${hidden('phone', step.phone)}${hidden('pin', step.pin)}
<p class="balance" data-testid="balance">Saldo DANA ${escape(step.customer.name ?? step.phone)}: ${formatRupiah(step.customer.balance ?? '0.00')}</p>${error(step.error)}`,
        `<button type="submit" name="action" value="pay" class="btn btn-primary pay-button" data-testid="pay-button">BAYAR</button>
<button type="submit" name="action" value="cancel" class="btn btn-secondary" data-testid="cancel-button">BATAL</button>`,
      );
    case 'result':
      return step.paid
        ? `<p class="sdetfe-lbl-success lbl-success" data-testid="payment-success">${escape(step.message)}</p>`
        : `<p class="lbl-failed lbl-failed-payment" data-testid="payment-error">${escape(step.message)}</p>`;
  }
}

/** The checkout page: server-rendered HTML whose forms post back to it, usable without JavaScript. */
export function renderCheckoutPage(order: PaymentOrder, merchant: string, step: CheckoutStep, action: string): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>DANA checkout (dana-mock sandbox)</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}.amount{font-size:1.6rem;font-weight:bold}
.error-message,.lbl-failed{color:#b00020}.btn,.btn-continue,.bank-title{display:block;width:100%;margin:.5rem 0;padding:.7rem;font-size:1rem}
.btn-primary{background:#108ee9;color:#fff;border:0}.note{color:#666;font-size:.8rem}input{width:100%;padding:.5rem;font-size:1rem}</style>
</head><body>
${summary(order, merchant)}
${body(step, action)}
<p class="note">Halaman checkout sandbox dana-mock: gunakan nomor dan PIN uji (083811223355 / 181818).</p>
</body></html>`;
}
