/** 0838****3355: how DANA shows a phone number back to its owner (OAuth page, MASK_DANA_ID). */
export function maskPhone(phone: string): string {
  return phone.length <= 8 ? phone : `${phone.slice(0, 4)}${'*'.repeat(phone.length - 8)}${phone.slice(-4)}`;
}
