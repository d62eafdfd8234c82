import { expect } from '@jest/globals';

/** A member DANA's runner found different: where, what the case expects, what came back. */
export type Difference = [path: string, expected: unknown, actual: unknown];

/**
 * DANA's runner's comparison (github.com/dana-id/uat-script, its Node helper assertion.ts, compareJsonObjects):
 * every member the case expects must be there; `${valueFromServer}` = any non-null value; "a|b" = either;
 * an expected null also accepts an absent member; arrays compare element by element at equal length;
 * members the case does not name are not looked at.
 */
export function findDifferences(expected: unknown, actual: unknown, path = 'response'): Difference[] {
  if (expected === '${valueFromServer}')
    return actual === undefined || actual === null ? [[path, expected, actual]] : [];
  if (expected === null || actual === null || actual === undefined)
    return expected === actual || (expected === null && actual === undefined) ? [] : [[path, expected, actual]];
  if (typeof expected !== typeof actual) return [[path, expected, actual]];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [[path, expected, actual]];
    return expected.flatMap((item, i) => findDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    const members = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) =>
      key in members ? findDifferences(value, members[key], `${path}.${key}`) : [[`${path}.${key}`, value, undefined]],
    );
  }
  if (typeof expected === 'string' && expected !== actual)
    return expected.split('|').some((alternative) => alternative.trim() === actual) ? [] : [[path, expected, actual]];
  return expected === actual ? [] : [[path, expected, actual]];
}

/** Fails, listing every member DANA's runner would report, unless `actual` answers what the case `expected`. */
export function expectLikeDana(expected: unknown, actual: unknown): void {
  expect(findDifferences(expected, actual)).toEqual([]);
}
