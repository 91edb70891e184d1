import { describe, expect, it } from 'vitest';
import { myListEntrySchema } from '@/lib/my-list/entry';
import { readMyListEntry } from '@/lib/my-list/validate';

/**
 * readMyListEntry is the browser's copy of myListEntrySchema (zod is too heavy for the
 * public pages' JavaScript budget). These tests hold the copy to the contract: for every
 * input, both accept or both reject, and an accepted entry comes out the same.
 */

const VALID = {
  id: 'svc_1',
  slug: 'motesplats-mockelngarden',
  locale: 'sv',
  name: 'Öppen mötesplats',
  organizationName: 'Möckelnföreningarna',
  summary: 'En öppen mötesplats.',
  howToGetHelp: 'Kom förbi.',
  phones: [{ display: '0586-310 40', dial: '058631040', label: 'Mötesplatsen' }],
  email: 'motesplats@example.org',
  website: 'https://example.org',
  address: 'Kungsgatan 12, 691 31 Karlskoga',
  openingHours: ['Mån–tor 10:00–15:00'],
  savedAt: '2026-11-23T10:00:00.000Z',
};

type Field = keyof typeof VALID;

const MISSING = Symbol('missing');

/** Bounds of each text field in the schema, and whether it may be null. */
const TEXT_FIELDS: [Field, number, number, boolean][] = [
  ['id', 1, 64, false],
  ['slug', 1, 120, false],
  ['locale', 2, 5, false],
  ['name', 1, 300, false],
  ['organizationName', 0, 300, false],
  ['summary', 0, 1000, false],
  ['howToGetHelp', 0, 1000, false],
  ['email', 0, 200, true],
  ['website', 0, 500, true],
  ['address', 0, 300, true],
  ['savedAt', 0, 40, false],
];

const OTHER_VALUES: unknown[] = [MISSING, null, 42, true, ['text'], {}, ''];

function textVariants(min: number, max: number): unknown[] {
  const lengths = [...new Set([Math.max(0, min - 1), min, max, max + 1])];
  return [...lengths.map((length) => 'å'.repeat(length)), ...OTHER_VALUES];
}

const PHONE_VARIANTS: unknown[] = [
  MISSING,
  null,
  'text',
  [],
  Array.from({ length: 5 }, () => ({ display: '1', dial: '1' })),
  Array.from({ length: 6 }, () => ({ display: '1', dial: '1' })),
  [{ display: '1', dial: '1' }],
  [{ display: '1', dial: '1', label: null }],
  [{ display: '1', dial: '1', label: 'x'.repeat(120) }],
  [{ display: '1', dial: '1', label: 'x'.repeat(121) }],
  [{ display: 'x'.repeat(41), dial: '1' }],
  [{ display: '1', dial: 'x'.repeat(41) }],
  [{ display: 1, dial: '1' }],
  [{ dial: '1' }],
  [{ display: '1', dial: '1', extra: 'dropped' }],
  ['0586-310 40'],
  [null],
  [[]],
];

const HOURS_VARIANTS: unknown[] = [
  MISSING,
  null,
  'Mån 9–12',
  [],
  Array.from({ length: 14 }, () => 'Mån 9–12'),
  Array.from({ length: 15 }, () => 'Mån 9–12'),
  ['x'.repeat(200)],
  ['x'.repeat(201)],
  [42],
  [null],
];

function withField(field: Field, value: unknown): Record<string, unknown> {
  const entry: Record<string, unknown> = structuredClone(VALID);
  if (value === MISSING) delete entry[field];
  else entry[field] = value;
  return entry;
}

function expectSameVerdict(input: unknown): void {
  const parsed = myListEntrySchema.safeParse(input);
  const read = readMyListEntry(input);
  if (parsed.success) {
    expect(read, `accepted by the schema: ${JSON.stringify(input)?.slice(0, 200)}`).toEqual(parsed.data);
  } else {
    expect(read, `rejected by the schema: ${JSON.stringify(input)?.slice(0, 200)}`).toBeNull();
  }
}

const CASES: [string, unknown][] = [
  ['the valid entry', VALID],
  ['null', null],
  ['an array', [VALID]],
  ['a string', JSON.stringify(VALID)],
  ['a number', 42],
  ['an empty object', {}],
  ['extra fields', { ...VALID, tracking: 'x', __proto__: { polluted: true } }],
  ...TEXT_FIELDS.flatMap(([field, min, max, isNullable]) =>
    textVariants(min, max)
      .concat(isNullable ? [null] : [])
      .map((value): [string, unknown] => [`${field} = ${describeValue(value)}`, withField(field, value)]),
  ),
  ...PHONE_VARIANTS.map((value): [string, unknown] => [`phones = ${describeValue(value)}`, withField('phones', value)]),
  ...HOURS_VARIANTS.map((value): [string, unknown] => [`openingHours = ${describeValue(value)}`, withField('openingHours', value)]),
];

function describeValue(value: unknown): string {
  if (value === MISSING) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 20)}… (${text.length} chars)` : text;
}

describe('readMyListEntry', () => {
  it.each(CASES)('agrees with myListEntrySchema for %s', (_name, input) => {
    expectSameVerdict(input);
  });

  it('knows every field of the schema (a field added there must be added here)', () => {
    expect(Object.keys(readMyListEntry(VALID) ?? {}).sort()).toEqual(Object.keys(myListEntrySchema.shape).sort());
    expect(Object.keys(VALID).sort()).toEqual(Object.keys(myListEntrySchema.shape).sort());
  });

  it('fills in an empty howToGetHelp like the schema default', () => {
    expect(readMyListEntry(withField('howToGetHelp', MISSING))?.howToGetHelp).toBe('');
  });

  it('keeps only the known fields, also inside phone numbers', () => {
    const read = readMyListEntry({ ...VALID, tracking: 'x', phones: [{ display: '1', dial: '1', extra: 'y' }] });
    expect(read).not.toHaveProperty('tracking');
    expect(read?.phones[0]).toEqual({ display: '1', dial: '1' });
  });

  it('agrees with the schema on 3,000 entries with several fields changed at once', () => {
    // A small deterministic generator (no seed to chase when it fails: the case is printed).
    let state = 0x2f6b;
    const random = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const pools: [Field, unknown[]][] = [
      ...TEXT_FIELDS.map(([field, min, max, isNullable]): [Field, unknown[]] => [
        field,
        textVariants(min, max).concat(isNullable ? [null] : []),
      ]),
      ['phones', PHONE_VARIANTS],
      ['openingHours', HOURS_VARIANTS],
    ];
    let accepted = 0;
    for (let i = 0; i < 3000; i += 1) {
      let entry: Record<string, unknown> = structuredClone(VALID);
      for (let changes = random(3) + 1; changes > 0; changes -= 1) {
        const [field, values] = pools[random(pools.length)]!;
        const value = values[random(values.length)];
        entry = { ...entry };
        if (value === MISSING) delete entry[field];
        else entry[field] = structuredClone(value);
      }
      expectSameVerdict(entry);
      if (myListEntrySchema.safeParse(entry).success) accepted += 1;
    }
    // Both outcomes must be well represented, or the comparison proves little.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2700);
  });
});
