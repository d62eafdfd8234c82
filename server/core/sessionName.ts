/** What a session may be called: it becomes a key in the data file and a name in logs and URLs. */
const pattern = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;

export const sessionNameRule = '1 to 128 letters, digits or . _ : @ / -, starting with a letter or digit';

export function isSessionName(name: string): boolean {
  return pattern.test(name);
}
