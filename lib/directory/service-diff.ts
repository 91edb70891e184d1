/**
 * What differs between two versions of a service's editable data (two `ServiceInput`s), as the
 * coordinator reads it when reviewing an association's proposal: per changed field, the lines
 * of the current listing and of the proposal, each line a readable sentence ("Måndag
 * 09:00–12:00", "0586-123 45 (telefon)").
 *
 * Pure: ids are worded through the `names` lookup, the few words the lines need (weekdays,
 * yes/no, phone kinds...) through `words`, Swedish by default since the editor works in
 * Swedish. A field counts as changed when its lines differ as a set: the order rows were typed
 * in, and the ids of places, are not changes a resident would see.
 */
import { TRANSLATED_FIELDS, type ServiceInput, type TranslatedField } from './service-input';

/** The fields of the diff, in the order the form shows them; translations per language. */
export const DIFF_FIELDS = [
  'organizationId',
  'name',
  'alternateName',
  'summary',
  'description',
  'easyReadSummary',
  'applicationProcess',
  'eligibilityDescription',
  'minimumAge',
  'maximumAge',
  'status',
  'primaryCategoryId',
  'categoryIds',
  'targetGroupIds',
  'schedules',
  'exceptions',
  'email',
  'url',
  'phones',
  'contacts',
  'locations',
  'areaMunicipalityIds',
  'attributes',
  'languages',
  'isFree',
  'feesDescription',
  'costOptions',
  'translations.en',
  'translations.ar',
  'keywords',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export interface FieldDiff {
  field: DiffField;
  /** Message key of the field's label, in the `Proposals` namespace. */
  labelKey: string;
  before: string[];
  after: string[];
}

/** Names of the ids an input points at; an id without a name is shown as it is. */
export interface DiffNames {
  organizations?: Record<string, string>;
  categories?: Record<string, string>;
  targetGroups?: Record<string, string>;
  attributes?: Record<string, string>;
  municipalities?: Record<string, string>;
}

export interface DiffWords {
  /** ISO weekdays, Monday first. */
  weekdays: readonly string[];
  yes: string;
  no: string;
  closed: string;
  protectedAddress: string;
  validFrom: string;
  validTo: string;
  status: Record<ServiceInput['status'], string>;
  phoneKinds: Record<ServiceInput['phones'][number]['kind'], string>;
  translatedFields: Record<TranslatedField, string>;
}

export const SWEDISH_DIFF_WORDS: DiffWords = {
  weekdays: ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lördag', 'Söndag'],
  yes: 'Ja',
  no: 'Nej',
  closed: 'stängt',
  protectedAddress: 'skyddad adress',
  validFrom: 'från',
  validTo: 'till och med',
  status: { ACTIVE: 'Aktiv', INACTIVE: 'Inaktiv', DEFUNCT: 'Nedlagd' },
  phoneKinds: { VOICE: 'telefon', SMS: 'sms', TEXT_PHONE: 'texttelefon', FAX: 'fax' },
  translatedFields: {
    name: 'Namn',
    summary: 'Sammanfattning',
    description: 'Beskrivning',
    easyReadSummary: 'Lättläst',
    applicationProcess: 'Så får man hjälp',
    eligibilityDescription: 'Vem kan få hjälp',
    feesDescription: 'Kostnad',
  },
};

const DASH = '–';
const joined = (parts: (string | null | undefined)[], separator = ', ') => parts.filter((p): p is string => Boolean(p && p.trim())).join(separator);
const text = (value: string) => (value.trim() ? [value] : []);
const nameOf = (lookup: Record<string, string> | undefined, id: string) => (id ? (lookup?.[id] ?? id) : '');
const period = (from: string, to: string, words: DiffWords) =>
  from || to ? `(${joined([from ? `${words.validFrom} ${from}` : '', to ? `${words.validTo} ${to}` : ''], ' ')})` : '';

/** The readable lines of one field of an input. */
export function linesOf(input: ServiceInput, field: DiffField, names: DiffNames = {}, words: DiffWords = SWEDISH_DIFF_WORDS): string[] {
  switch (field) {
    case 'organizationId':
      return text(nameOf(names.organizations, input.organizationId));
    case 'name':
    case 'alternateName':
    case 'summary':
    case 'description':
    case 'easyReadSummary':
    case 'applicationProcess':
    case 'eligibilityDescription':
    case 'feesDescription':
    case 'email':
    case 'url':
      return text(input[field]);
    case 'minimumAge':
    case 'maximumAge':
      return input[field] === null ? [] : [String(input[field])];
    case 'isFree':
      return [input.isFree ? words.yes : words.no];
    case 'status':
      return [words.status[input.status]];
    case 'primaryCategoryId':
      return text(nameOf(names.categories, input.primaryCategoryId));
    case 'categoryIds':
      return input.categoryIds.map((id) => nameOf(names.categories, id));
    case 'targetGroupIds':
      return input.targetGroupIds.map((id) => nameOf(names.targetGroups, id));
    case 'areaMunicipalityIds':
      return input.areaMunicipalityIds.map((id) => nameOf(names.municipalities, id));
    case 'attributes':
      return input.attributes.map((a) => joined([nameOf(names.attributes, a.attributeId), a.note], ` ${DASH} `));
    case 'languages':
      return input.languages.map((l) => joined([l.code, l.note], ` ${DASH} `));
    case 'keywords':
      return [...input.keywords];
    case 'schedules':
      return input.schedules.map((s) =>
        joined(
          [
            `${words.weekdays[s.weekday - 1] ?? s.weekday} ${s.opens}${DASH}${s.closes}`,
            s.description,
            s.locationIndex === null ? '' : (input.locations[s.locationIndex]?.name ?? ''),
            period(s.validFrom, s.validTo, words),
          ],
          ' · ',
        ),
      );
    case 'exceptions':
      return input.exceptions.map((e) => joined([e.date, e.isClosed ? words.closed : `${e.opens}${DASH}${e.closes}`, e.reason], ' · '));
    case 'phones':
      return input.phones.map((p) => joined([`${p.number} (${words.phoneKinds[p.kind]})`, p.description], ` ${DASH} `));
    case 'contacts':
      return input.contacts.map((c) =>
        joined([c.name, c.title, c.department, c.email, ...c.phones.map((p) => joined([`${p.number} (${words.phoneKinds[p.kind]})`, p.description], ` ${DASH} `))]),
      );
    case 'locations':
      return input.locations.map((l) =>
        joined(
          [
            l.name,
            joined([l.addressLine1, l.addressLine2, joined([l.postalCode, l.city], ' ')]),
            nameOf(names.municipalities, l.municipalityId),
            l.isProtected ? words.protectedAddress : l.latitude !== null && l.longitude !== null ? `${l.latitude}, ${l.longitude}` : '',
            l.description,
            l.accessibilityDescription,
            l.transportation,
            l.serviceDescription,
          ],
          ' · ',
        ),
      );
    case 'costOptions':
      return input.costOptions.map((c) =>
        joined([joined([c.option, c.amount === null ? '' : `${c.amount} ${c.currency}`], ': '), c.amountDescription, period(c.validFrom, c.validTo, words)], ' · '),
      );
    case 'translations.en':
    case 'translations.ar': {
      const t = input.translations[field === 'translations.en' ? 'en' : 'ar'];
      return TRANSLATED_FIELDS.filter((f) => t[f].trim()).map((f) => `${words.translatedFields[f]}: ${t[f]}`);
    }
  }
}

const sameLines = (a: string[], b: string[]) => {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((line, i) => line === y[i]);
};

/**
 * The fields whose lines differ between `current` (null: a new service, every filled field
 * is a change) and `proposed`, in form order.
 */
export function diffServiceInputs(current: ServiceInput | null, proposed: ServiceInput, names: DiffNames = {}, words: DiffWords = SWEDISH_DIFF_WORDS): FieldDiff[] {
  return DIFF_FIELDS.flatMap((field) => {
    const before = current ? linesOf(current, field, names, words) : [];
    const after = linesOf(proposed, field, names, words);
    if (sameLines(before, after)) return [];
    return [{ field, labelKey: `fields.${field}`, before, after }];
  });
}

/** The top-level input keys a diff field stands for (translations.en → translations). */
export const inputKeyOf = (field: DiffField): keyof ServiceInput => (field.startsWith('translations.') ? 'translations' : (field as keyof ServiceInput));

/** For marking lines: which lines of one side the other side lacks. */
export function changedLines(lines: string[], other: string[]): boolean[] {
  const rest = [...other];
  return lines.map((line) => {
    const at = rest.indexOf(line);
    if (at === -1) return true;
    rest.splice(at, 1);
    return false;
  });
}
