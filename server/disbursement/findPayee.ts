import type { SandboxDeps } from '../core/types.js';
import type { Customer } from '../store/entities.js';
import { magicData, type MagicRule } from './magicData.js';

/** A DANA customer a top-up may credit, or DANA's refusal. */
export type Payee = { customer: Customer } | { refusal: MagicRule };

/** 628123…, +628123… and 08123… are one number (DANA writes customerNumber as 628xxx, the fixtures as 08xxx). */
const nationalNumber = (phone: string) => phone.replace(/\D/g, '').replace(/^62/, '0');

/**
 * The payee of a DANA account inquiry or top-up: DANA's magic customer numbers first, then the sandbox's customers
 * (by additionalInfo.customerId when given, else by phone). Frozen or abnormal customers answer Do Not Honor, as
 * DANA's frozen number does; numbers of no customer answer DANA's PAYEE_USER_NOT_EXIST.
 */
export function findPayee(deps: SandboxDeps, customerNumber: string, customerId?: string, session?: string): Payee {
  const magic = magicData.customerNumber[customerNumber];
  if (magic) return { refusal: magic };
  const number = nationalNumber(customerNumber);
  const customer = customerId
    ? deps.store.get('customers', customerId, session)
    : deps.store.list('customers', session).find((c) => nationalNumber(c.phone) === number);
  if (!customer)
    return {
      refusal: {
        case: 'doNotHonor',
        resultMsg: 'PAYEE_USER_NOT_EXIST',
        why: customerId ? `no customer has id ${customerId}` : `no customer has the phone number ${number}`,
      },
    };
  if (customer.status !== 'ACTIVE')
    return {
      refusal: {
        case: 'doNotHonor',
        resultMsg: 'PAYEE_USER_STATUS_DISABLE',
        why: `customer ${customer.id} is ${customer.status}`,
      },
    };
  if (customer.forcedOutcome)
    return { refusal: { case: customer.forcedOutcome, why: `customer ${customer.id} always fails this way` } };
  return { customer };
}
