import { merchantManagementRows } from '../protocols/envelope/envelopeCases.js';
import { envelopeProtocol } from '../protocols/envelope/envelopeProtocol.js';

/** DANA's Open API envelope with the merchant-management documents' own result rows. */
export const merchantProtocol = (functionName: string) =>
  envelopeProtocol({ functionName, extraCases: merchantManagementRows });
