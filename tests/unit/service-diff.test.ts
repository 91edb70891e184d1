/**
 * The side-by-side diff of two service inputs: only changed fields, readable lines for rows
 * (hours, exceptions, places, phones, translations), names for ids, and no change for a mere
 * reordering of rows.
 */
import { describe, expect, it } from 'vitest';
import { changedLines, diffServiceInputs, linesOf } from '@/lib/directory/service-diff';
import { emptyServiceInput, type ServiceInput } from '@/lib/directory/service-input';

const names = { categories: { c1: 'Våld i nära relation', c2: 'Psykisk hälsa' }, municipalities: { m1: 'Karlskoga' }, attributes: { a1: 'Kostnadsfritt' } };

function listing(): ServiceInput {
  return {
    ...emptyServiceInput('org1'),
    name: 'Jourtelefonen',
    summary: 'Vi svarar när du ringer.',
    description: 'Stöd dygnet runt.',
    primaryCategoryId: 'c1',
    categoryIds: ['c1'],
    schedules: [
      { weekday: 1, opens: '09:00', closes: '12:00', description: '', validFrom: '', validTo: '', locationIndex: null },
      { weekday: 5, opens: '22:00', closes: '02:00', description: 'Nattjour', validFrom: '', validTo: '', locationIndex: 0 },
    ],
    locations: [
      {
        id: 'l1',
        name: 'Kontoret',
        description: '',
        addressLine1: 'Storgatan 1',
        addressLine2: '',
        postalCode: '691 31',
        city: 'Karlskoga',
        municipalityId: 'm1',
        latitude: null,
        longitude: null,
        isProtected: true,
        accessibilityDescription: '',
        transportation: '',
        serviceDescription: '',
      },
    ],
    phones: [{ number: '0586-123 45', kind: 'VOICE', description: 'Dygnet runt' }],
  };
}

describe('diffServiceInputs', () => {
  it('finds nothing between a listing and itself, nor when rows are only reordered', () => {
    const a = listing();
    expect(diffServiceInputs(a, a)).toEqual([]);
    expect(diffServiceInputs(a, { ...a, schedules: [...a.schedules].reverse() }, names)).toEqual([]);
  });

  it('lists exactly the changed fields, in form order, with label keys and both sides', () => {
    const a = listing();
    const b = { ...a, summary: 'Vi svarar alltid.', categoryIds: ['c1', 'c2'], isFree: false };
    expect(diffServiceInputs(a, b, names)).toEqual([
      { field: 'summary', labelKey: 'fields.summary', before: ['Vi svarar när du ringer.'], after: ['Vi svarar alltid.'] },
      { field: 'categoryIds', labelKey: 'fields.categoryIds', before: ['Våld i nära relation'], after: ['Våld i nära relation', 'Psykisk hälsa'] },
      { field: 'isFree', labelKey: 'fields.isFree', before: ['Ja'], after: ['Nej'] },
    ]);
  });

  it('words opening hours, places and phones as readable lines', () => {
    const a = listing();
    expect(linesOf(a, 'schedules', names)).toEqual(['Måndag 09:00–12:00', 'Fredag 22:00–02:00 · Nattjour · Kontoret']);
    expect(linesOf(a, 'locations', names)).toEqual(['Kontoret · Storgatan 1, 691 31 Karlskoga · Karlskoga · skyddad adress']);
    expect(linesOf(a, 'phones', names)).toEqual(['0586-123 45 (telefon) – Dygnet runt']);
    const b = {
      ...a,
      schedules: [{ ...a.schedules[0]!, closes: '13:00' }, a.schedules[1]!],
      exceptions: [
        { date: '2026-12-24', isClosed: true, opens: '', closes: '', reason: 'Julafton' },
        { date: '2026-12-31', isClosed: false, opens: '10:00', closes: '14:00', reason: '' },
      ],
    };
    const diff = diffServiceInputs(a, b, names);
    expect(diff.map((d) => d.field)).toEqual(['schedules', 'exceptions']);
    expect(diff[0]).toMatchObject({ before: ['Måndag 09:00–12:00', 'Fredag 22:00–02:00 · Nattjour · Kontoret'], after: ['Måndag 09:00–13:00', 'Fredag 22:00–02:00 · Nattjour · Kontoret'] });
    expect(diff[1]).toMatchObject({ before: [], after: ['2026-12-24 · stängt · Julafton', '2026-12-31 · 10:00–14:00'] });
  });

  it('shows each translation language as its own field', () => {
    const a = listing();
    const b = { ...a, translations: { ...a.translations, en: { ...a.translations.en, name: 'The helpline', summary: 'We answer.' } } };
    expect(diffServiceInputs(a, b, names)).toEqual([{ field: 'translations.en', labelKey: 'fields.translations.en', before: [], after: ['Namn: The helpline', 'Sammanfattning: We answer.'] }]);
  });

  it('treats every filled field of a new service as a change', () => {
    const fields = diffServiceInputs(null, listing(), names).map((d) => d.field);
    expect(fields).toEqual(['organizationId', 'name', 'summary', 'description', 'status', 'primaryCategoryId', 'categoryIds', 'schedules', 'phones', 'locations', 'isFree']);
  });
});

describe('changedLines', () => {
  it('marks the lines the other side lacks, counting repeated lines', () => {
    expect(changedLines(['a', 'b', 'b'], ['b', 'c'])).toEqual([true, false, true]);
  });
});
