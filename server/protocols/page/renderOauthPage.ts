import { maskPhone } from '../../domain/maskPhone.js';
import { pageTexts, scopeTexts, type PageErrorKey, type PageLanguage } from './pageTexts.js';

/** Which step of the OAuth page to draw, with what the customer entered so far. */
export type OauthStep =
  | { step: 'phone'; phone?: string; error?: PageErrorKey }
  | { step: 'consent'; phone: string; scopes: string[] }
  | { step: 'pin'; phone: string; error?: PageErrorKey };

/** Everything the page shows about the request it serves. */
export interface PageContext {
  lang: PageLanguage;
  partnerName: string;
  /** Where the forms post: the page's own path and query, so every step re-checks the OAuth query. */
  action: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

const style = `
*{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef4fb;color:#1f2a37}
main{max-width:420px;margin:0 auto;min-height:100vh;background:#fff;padding:0 0 24px;box-shadow:0 0 24px rgba(16,142,233,.12)}
.brand{background:#108ee9;color:#fff;padding:18px 24px;display:flex;justify-content:space-between;align-items:center}
.logo{font-weight:800;font-size:24px;letter-spacing:1px}.tag{font-size:12px;background:rgba(255,255,255,.2);border-radius:10px;padding:2px 8px}
.body{padding:24px}h1{font-size:20px;margin:0 0 8px}.lead{color:#4b5563;margin:0 0 20px}
label{display:block;font-weight:600;font-size:14px;margin-bottom:6px}
.desktop-input input{width:100%;font-size:20px;padding:12px 14px;border:1.5px solid #cbd5e1;border-radius:10px;letter-spacing:1px}
.desktop-input input:focus{outline:none;border-color:#108ee9;box-shadow:0 0 0 3px rgba(16,142,233,.18)}
.txt-input-pin-field{letter-spacing:10px;text-align:center}
.scopes{list-style:none;padding:0;margin:0 0 20px}.scopes li{padding:10px 12px;border:1px solid #e2e8f0;border-radius:10px;margin-bottom:8px}
.scopes li::before{content:"\\2713";color:#108ee9;font-weight:700;margin-right:8px}
.error{background:#fdecec;color:#b42318;border-radius:10px;padding:10px 12px;margin:12px 0 0;font-size:14px}
.agreement__button{margin-top:24px}.btn{width:100%;border:0;border-radius:24px;padding:14px;font-size:16px;font-weight:700;cursor:pointer}
.btn-primary{background:#108ee9;color:#fff}.btn-primary:hover{background:#0b78c7}
.note{color:#64748b;font-size:12px;text-align:center;margin-top:24px}`;

/** DANA's pages submit the PIN as soon as six digits are in (DANA's UAT automation types the PIN and waits for the redirect); without JavaScript the button does it. */
const autoSubmit = `<script>
document.querySelector('.txt-input-pin-field').addEventListener('input', function (e) {
  if (/^[0-9]{6}$/.test(e.target.value)) e.target.form.requestSubmit();
});
</script>`;

function layout(lang: PageLanguage, step: string, content: string, script = ''): string {
  const t = pageTexts[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DANA - ${escapeHtml(t.title)}</title>
<style>${style}</style>
</head>
<body>
<main data-testid="oauth-page" data-step="${step}">
<header class="brand"><span class="logo">DANA</span><span class="tag">sandbox</span></header>
<div class="body">
${content}
<p class="note">${escapeHtml(t.sandboxNote)}</p>
</div>
</main>
${script}
</body>
</html>
`;
}

function errorLine(lang: PageLanguage, error: PageErrorKey | undefined): string {
  return error
    ? `<p class="error" role="alert" data-testid="error-message" data-error="${error}">${escapeHtml(pageTexts[lang].errors[error])}</p>`
    : '';
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

function phoneStep(ctx: PageContext, step: Extract<OauthStep, { step: 'phone' }>): string {
  const t = pageTexts[ctx.lang];
  return `<h1>${escapeHtml(t.title)}</h1>
<p class="lead">${escapeHtml(t.phoneLead(ctx.partnerName))}</p>
<form method="post" action="${escapeHtml(ctx.action)}" data-testid="phone-form">
${hidden('step', 'phone')}
<label for="phoneNumber">${escapeHtml(t.phoneLabel)}</label>
<div class="desktop-input"><input id="phoneNumber" class="txt-input-phone-number-field" type="tel" name="phoneNumber" inputmode="numeric" autocomplete="tel" maxlength="15" placeholder="08xxxxxxxxxx" value="${escapeHtml(step.phone ?? '')}" required data-testid="phone-input"></div>
${errorLine(ctx.lang, step.error)}
<div class="agreement__button"><button type="submit" class="btn btn-primary btn-continue" data-testid="continue-button">${t.continue}</button></div>
</form>`;
}

function consentStep(ctx: PageContext, step: Extract<OauthStep, { step: 'consent' }>): string {
  const t = pageTexts[ctx.lang];
  const scopes = step.scopes
    .map((s) => `<li data-scope="${escapeHtml(s)}">${escapeHtml(scopeTexts[ctx.lang][s] ?? s)}</li>`)
    .join('');
  return `<h1>${escapeHtml(t.consentTitle(ctx.partnerName))}</h1>
<p class="lead">${escapeHtml(t.consentLead(maskPhone(step.phone)))}</p>
<ul class="scopes" data-testid="consent-scopes">${scopes}</ul>
<form method="post" action="${escapeHtml(ctx.action)}" data-testid="consent-form">
${hidden('step', 'consent')}${hidden('phone', step.phone)}${hidden('consent', 'agree')}
<div class="agreement__button"><button type="submit" class="btn-continue fs-unmask btn btn-primary" data-testid="consent-button">${t.continue}</button></div>
</form>`;
}

function pinStep(ctx: PageContext, step: Extract<OauthStep, { step: 'pin' }>): string {
  const t = pageTexts[ctx.lang];
  return `<h1>${escapeHtml(t.pinTitle)}</h1>
<p class="lead">${escapeHtml(t.pinLead(maskPhone(step.phone)))}</p>
<form method="post" action="${escapeHtml(ctx.action)}" data-testid="pin-form">
${hidden('step', 'pin')}${hidden('phone', step.phone)}${hidden('consent', 'agree')}
<label for="pin">${escapeHtml(t.pinLabel)}</label>
<div class="desktop-input"><input id="pin" class="txt-input-pin-field" type="password" name="pin" inputmode="numeric" maxlength="6" minlength="6" pattern="[0-9]{6}" autocomplete="off" required autofocus data-testid="pin-input"></div>
${errorLine(ctx.lang, step.error)}
<div class="agreement__button"><button type="submit" class="btn btn-primary" data-testid="pin-submit">${t.confirm}</button></div>
</form>`;
}

/** One step of the OAuth page as a whole HTML document. */
export function renderOauthPage(ctx: PageContext, step: OauthStep): string {
  if (step.step === 'phone') return layout(ctx.lang, step.step, phoneStep(ctx, step));
  if (step.step === 'consent') return layout(ctx.lang, step.step, consentStep(ctx, step));
  return layout(ctx.lang, step.step, pinStep(ctx, step), autoSubmit);
}

/** The page shown for a request the OAuth page cannot serve (a bad query): the reason names the parameter. */
export function renderErrorPage(lang: PageLanguage, reason: string): string {
  const t = pageTexts[lang];
  return layout(
    lang,
    'error',
    `<h1 data-testid="error-page">${escapeHtml(t.errorTitle)}</h1>
<p class="error" role="alert" data-testid="error-message">${escapeHtml(reason)}</p>`,
  );
}
