import type { Exchange } from '../core/endpoint.js';
import { SandboxError } from '../core/SandboxError.js';

/** A status inquiry's serviceCode is two digits; DANA names it and repeats it in the answer (UAT InquiryTopUpStatusInvalidFieldFormat). */
export function checkServiceCode(exchange: Exchange): void {
  const { serviceCode } = exchange.body as { serviceCode: string };
  if (!/^\d{2}$/.test(serviceCode))
    throw new SandboxError('invalidFieldFormat', 'serviceCode', `serviceCode "${serviceCode}" is not two digits.`, {
      serviceCode,
    });
}
