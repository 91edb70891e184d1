/**
 * The one mapping between the directory model and HSDS 3.0 rows, both directions, for the
 * JSON document and the CSV datapackage alike (docs/decisions/0017).
 *
 * It follows the open-data API (lib/directory/hsds.ts): HSDS field names, the taxonomies
 * `lisa-categories`, `lisa-target-groups`, `lisa-attributes`, and what HSDS lacks as
 * attributes of `lisa-extensions` (summary, easy-read summary, translations, protected
 * address). Unlike the API it is lossless: every status, the exact opening periods, dates
 * with other hours, whether a service is free, keywords, slugs and sort orders travel too,
 * so an export imported elsewhere and exported again gives the same bytes.
 *
 * A protected location is written as id, organisation and name with the `address_protected`
 * attribute, nothing else: no address, coordinates, description, accessibility,
 * transportation, municipality or phones, even if a row held them by mistake.
 */
import { z } from 'zod';
import { BASE_LANGUAGE, BYDAY, EXTENSION_TERMS, languageNames, PHONE_TYPES, TAXONOMIES } from '@/lib/directory/hsds';
import type { DirectoryModel, LocationM, PhoneKind, TranslationM } from './model';
import { isCalendarDate, isDateTime } from './rows';
import { emptyTables, HSDS_TABLES, type HsdsRow, type HsdsTableName, type HsdsTables } from './tables';

// ── Shared vocabulary ────────────────────────────────────────────────────────────

export const EXTENSIONS_TAXONOMY = TAXONOMIES.extensions.id;
export const extensionTermId = (code: string, locale?: string) => `${EXTENSIONS_TAXONOMY}:${code}${locale ? `:${locale}` : ''}`;

/** Extension codes besides the API's three, with the Swedish names their terms carry. */
export const MORE_EXTENSION_TERMS: Record<string, { name: string; description: string }> = {
  slug: { name: 'Adressnamn', description: 'Namnet i postens webbadress i portalen.' },
  kind: { name: 'Slag av organisation', description: 'ASSOCIATION (förening), REGION eller MUNICIPALITY (kommun).' },
  phone: { name: 'Telefon', description: 'Organisationens huvudnummer.' },
  is_active: { name: 'Aktiv', description: 'true när posten används, annars false.' },
  last_confirmed_at: { name: 'Senast bekräftad', description: 'När uppgifterna senast bekräftades som riktiga (ISO 8601).' },
  is_free: { name: 'Kostnadsfri', description: 'true när tjänsten inte kostar något.' },
  keywords: { name: 'Sökord', description: 'Ord som invånare använder om tjänsten, som JSON-lista.' },
  timezone: { name: 'Tidszon', description: 'Tidszonen som öppettiderna anges i (IANA-namn).' },
  schedule_exception: {
    name: 'Avvikande öppettider',
    description: 'Ett datum med andra öppettider än veckoschemat, som JSON: date, is_closed, opens_minute, closes_minute, reason.',
  },
  icon: { name: 'Ikon', description: 'Nyckel till en ikon som följer med portalen.' },
  sort_order: { name: 'Ordning', description: 'Plats i listor, lägst först.' },
  is_filter: { name: 'Filter', description: 'true när invånare kan filtrera på egenskapen.' },
  region_name: { name: 'Region', description: 'Regionen som kommunen hör till.' },
};

/** Text fields that may have translations, per linked entity: model key → HSDS field code. */
export const TRANSLATED_FIELDS = {
  service: {
    name: 'name',
    summary: 'summary',
    description: 'description',
    easyReadSummary: 'easy_read_summary',
    applicationProcess: 'application_process',
    eligibilityDescription: 'eligibility_description',
    feesDescription: 'fees_description',
  },
  organization: { name: 'name', description: 'description' },
  category: { name: 'name', description: 'description' },
  target_group: { name: 'name' },
  feature: { name: 'name', description: 'description' },
} as const satisfies Record<string, Record<string, string>>;

export const PHONE_KINDS: Record<string, PhoneKind> = Object.fromEntries(
  Object.entries(PHONE_TYPES).map(([kind, type]) => [type, kind as PhoneKind]),
);

export const STATUS_TO_HSDS = { ACTIVE: 'active', INACTIVE: 'inactive', DEFUNCT: 'defunct' } as const;

export const MINUTES_PER_DAY = 1440;
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;

/** HSDS times of a weekly period: closes_at earlier than opens_at means the next day; 23:59:59 is midnight. */
export function periodTimes(opensMinute: number, closesMinute: number): { opens_at: string; closes_at: string } {
  const closes = closesMinute > MINUTES_PER_DAY ? closesMinute - MINUTES_PER_DAY : closesMinute;
  return { opens_at: clock(opensMinute), closes_at: closes >= MINUTES_PER_DAY ? '23:59:59' : clock(closes) };
}

// ── Model → HSDS rows (export) ───────────────────────────────────────────────────

const cell = (value: string | number | null | undefined): string | number | undefined =>
  value === null || value === undefined || value === '' ? undefined : value;

/** A row with the table's fields in HSDS order; empty fields are left out. */
function row(table: HsdsTableName, values: Record<string, string | number | null | undefined>): HsdsRow {
  const out: HsdsRow = {};
  for (const field of HSDS_TABLES[table]) {
    const value = cell(values[field.name]);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

class RowSink {
  readonly tables: HsdsTables = emptyTables();
  private readonly terms = new Map<string, HsdsRow>();

  add(table: HsdsTableName, values: Record<string, string | number | null | undefined>) {
    this.tables[table].push(row(table, values));
  }

  /** An attribute linking `linkId` to a term; extension terms are declared on first use. */
  link(linkEntity: string, linkId: string, linkType: string, termId: string, value?: string | null, id = `${linkId}:${termId}`) {
    this.add('attribute', { id, link_id: linkId, taxonomy_term_id: termId, link_type: linkType, link_entity: linkEntity, value });
  }

  extension(linkEntity: string, linkId: string, code: string, value: string | null | undefined, id?: string) {
    if (value === null || value === undefined || value === '') return;
    const termId = extensionTermId(code);
    if (!this.terms.has(termId)) {
      const known = (EXTENSION_TERMS as Record<string, { name: string; description: string }>)[code] ?? MORE_EXTENSION_TERMS[code];
      this.terms.set(
        termId,
        row('taxonomy_term', {
          id: termId,
          code,
          name: known?.name ?? code,
          description: known?.description ?? code,
          taxonomy: EXTENSIONS_TAXONOMY,
          language: BASE_LANGUAGE,
          taxonomy_id: EXTENSIONS_TAXONOMY,
        }),
      );
    }
    const linkType = code === 'address_protected' ? 'address_protected' : code === 'schedule_exception' ? 'schedule_exception' : 'extension';
    this.link(linkEntity, linkId, linkType, termId, value, id);
  }

  translations(linkEntity: string, linkId: string, fieldCodes: Record<string, string>, translations: TranslationM[]) {
    for (const { locale, fields } of translations) {
      for (const [key, code] of Object.entries(fieldCodes)) {
        const value = fields[key];
        if (!value) continue;
        const termId = extensionTermId(code, locale);
        if (!this.terms.has(termId)) {
          this.terms.set(
            termId,
            row('taxonomy_term', {
              id: termId,
              code,
              name: `Översättning av ${code} (${locale})`,
              description: `Fältet ${code} översatt till språket med koden ${locale}.`,
              taxonomy: EXTENSIONS_TAXONOMY,
              language: locale,
              taxonomy_id: EXTENSIONS_TAXONOMY,
            }),
          );
        }
        this.link(linkEntity, linkId, 'translation', termId, value);
      }
    }
  }

  finish(): HsdsTables {
    this.tables.taxonomy_term.push(...this.terms.values());
    for (const rows of Object.values(this.tables)) {
      rows.sort((a, b) => {
        const x = String(a.id);
        const y = String(b.id);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    return this.tables;
  }
}

const bool = (value: boolean) => (value ? 'true' : 'false');

function term(taxonomy: { id: string }, values: Record<string, string | null | undefined>) {
  return { ...values, taxonomy: taxonomy.id, taxonomy_id: taxonomy.id, language: BASE_LANGUAGE };
}

/** The whole model as HSDS rows, each table sorted by id. */
export function modelToTables(model: DirectoryModel): HsdsTables {
  const sink = new RowSink();
  for (const taxonomy of Object.values(TAXONOMIES)) sink.add('taxonomy', taxonomy);
  const municipalityById = new Map(model.municipalities.map((m) => [m.id, m]));

  for (const m of model.municipalities) {
    sink.add('taxonomy_term', term(TAXONOMIES.municipalities, { id: m.id, code: m.code, name: m.name, description: `${m.name} kommun` }));
    sink.extension('taxonomy_term', m.id, 'slug', m.slug);
    sink.extension('taxonomy_term', m.id, 'region_name', m.regionName);
    sink.extension('taxonomy_term', m.id, 'is_active', bool(m.isActive));
  }
  for (const c of model.categories) {
    sink.add('taxonomy_term', term(TAXONOMIES.categories, { id: c.id, code: c.slug, name: c.name, description: c.description, parent_id: c.parentId }));
    sink.extension('taxonomy_term', c.id, 'icon', c.icon);
    sink.extension('taxonomy_term', c.id, 'sort_order', String(c.sortOrder));
    sink.extension('taxonomy_term', c.id, 'is_active', bool(c.isActive));
    sink.translations('taxonomy_term', c.id, TRANSLATED_FIELDS.category, c.translations);
  }
  for (const g of model.targetGroups) {
    // HSDS wants a description; a target group has only its name.
    sink.add('taxonomy_term', term(TAXONOMIES.targetGroups, { id: g.id, code: g.slug, name: g.name, description: g.name }));
    sink.extension('taxonomy_term', g.id, 'sort_order', String(g.sortOrder));
    sink.translations('taxonomy_term', g.id, TRANSLATED_FIELDS.target_group, g.translations);
  }
  for (const a of model.attributes) {
    sink.add('taxonomy_term', term(TAXONOMIES.attributes, { id: a.id, code: a.key, name: a.name, description: a.description }));
    sink.extension('taxonomy_term', a.id, 'icon', a.icon);
    sink.extension('taxonomy_term', a.id, 'is_filter', bool(a.isFilter));
    sink.extension('taxonomy_term', a.id, 'sort_order', String(a.sortOrder));
    sink.translations('taxonomy_term', a.id, TRANSLATED_FIELDS.feature, a.translations);
  }

  for (const o of model.organizations) {
    sink.add('organization', { id: o.id, name: o.name, description: o.description, email: o.email, website: o.website, tax_id: o.orgNumber });
    sink.extension('organization', o.id, 'kind', o.kind);
    sink.extension('organization', o.id, 'slug', o.slug);
    sink.extension('organization', o.id, 'phone', o.phone);
    sink.extension('organization', o.id, 'is_active', bool(o.isActive));
    sink.extension('organization', o.id, 'last_confirmed_at', o.lastConfirmedAt);
    if (o.municipalityId) sink.link('organization', o.id, 'municipality', o.municipalityId);
    sink.translations('organization', o.id, TRANSLATED_FIELDS.organization, o.translations);
  }

  const protectedIds = new Set(model.locations.filter((l) => l.isProtected).map((l) => l.id));
  for (const l of model.locations) addLocation(sink, l, municipalityById.get(l.municipalityId ?? '')?.regionName);

  const interpreterId = model.attributes.find((a) => a.key === 'interpreter');
  for (const s of model.services) {
    const interpreter = interpreterId && s.attributes.find((a) => a.attributeId === interpreterId.id);
    sink.add('service', {
      id: s.id,
      organization_id: s.organizationId,
      name: s.name,
      alternate_name: s.alternateName,
      description: s.description,
      url: s.url,
      email: s.email,
      status: STATUS_TO_HSDS[s.status],
      interpretation_services: interpreter && interpreterId ? (interpreter.note ?? interpreterId.name) : undefined,
      application_process: s.applicationProcess,
      fees_description: s.feesDescription,
      eligibility_description: s.eligibilityDescription,
      minimum_age: s.minimumAge,
      maximum_age: s.maximumAge,
      assured_date: s.lastConfirmedAt?.slice(0, 10),
      last_modified: s.updatedAt,
    });
    sink.extension('service', s.id, 'slug', s.slug);
    sink.extension('service', s.id, 'summary', s.summary);
    sink.extension('service', s.id, 'easy_read_summary', s.easyReadSummary);
    sink.extension('service', s.id, 'is_free', bool(s.isFree));
    sink.extension('service', s.id, 'keywords', s.keywords.length > 0 ? JSON.stringify(s.keywords) : null);
    sink.extension('service', s.id, 'timezone', s.timezone);
    sink.extension('service', s.id, 'last_confirmed_at', s.lastConfirmedAt);
    sink.translations('service', s.id, TRANSLATED_FIELDS.service, s.translations);
    for (const c of s.categories) sink.link('service', s.id, 'category', c.categoryId, c.isPrimary ? 'primary' : null);
    for (const g of s.targetGroupIds) sink.link('service', s.id, 'target_group', g);
    for (const a of s.attributes) sink.link('service', s.id, 'feature', a.attributeId, a.note);
    for (const l of s.languages) {
      sink.add('language', {
        id: `${s.id}:language:${l.languageCode}`,
        service_id: s.id,
        name: languageNames.of(l.languageCode) ?? l.languageCode,
        code: l.languageCode,
        note: l.note,
      });
    }
    for (const municipalityId of s.municipalityIds) {
      const m = municipalityById.get(municipalityId);
      const areaId = `${s.id}:area:${m?.code ?? municipalityId}`;
      sink.add('service_area', {
        id: areaId,
        service_id: s.id,
        name: m?.name ?? municipalityId,
        description: m ? `${m.name} kommun (kommunkod ${m.code})` : undefined,
      });
      sink.link('service_area', areaId, 'municipality', municipalityId);
    }
    for (const sal of s.atLocations) sink.add('service_at_location', { id: sal.id, service_id: s.id, location_id: sal.locationId, description: sal.description });
    for (const p of s.schedules) {
      sink.add('schedule', {
        id: p.id,
        service_id: s.id,
        service_at_location_id: p.serviceAtLocationId,
        valid_from: p.validFrom,
        valid_to: p.validTo,
        freq: 'WEEKLY',
        interval: 1,
        byday: BYDAY[p.weekday - 1],
        ...periodTimes(p.opensMinute, p.closesMinute),
        description: p.description,
        notes: `Local time in ${s.timezone}`,
      });
    }
    for (const e of s.exceptions) {
      const value = JSON.stringify({
        id: e.id,
        date: e.date,
        is_closed: e.isClosed,
        opens_minute: e.opensMinute,
        closes_minute: e.closesMinute,
        reason: e.reason,
      });
      sink.extension('service', s.id, 'schedule_exception', value, `${s.id}:schedule_exception:${e.id}`);
    }
    for (const c of s.costOptions) {
      sink.add('cost_option', {
        id: c.id,
        service_id: s.id,
        valid_from: c.validFrom,
        valid_to: c.validTo,
        option: c.option,
        currency: c.currency,
        amount: c.amount === null ? undefined : Number(c.amount),
        amount_description: c.amountDescription,
      });
    }
  }

  for (const c of model.contacts) {
    sink.add('contact', { id: c.id, organization_id: c.organizationId, service_id: c.serviceId, name: c.name, title: c.title, department: c.department, email: c.email });
  }
  for (const p of model.phones) {
    // A phone at a protected place can lead to its door.
    if (p.locationId && protectedIds.has(p.locationId)) continue;
    sink.add('phone', {
      id: p.id,
      location_id: p.locationId,
      service_id: p.serviceId,
      organization_id: p.organizationId,
      contact_id: p.contactId,
      number: p.number,
      type: PHONE_TYPES[p.kind],
      description: p.description,
    });
  }
  return sink.finish();
}

function addLocation(sink: RowSink, l: LocationM, regionName: string | undefined) {
  if (l.isProtected) {
    sink.add('location', { id: l.id, location_type: 'physical', organization_id: l.organizationId, name: l.name });
    sink.extension('location', l.id, 'address_protected', 'true');
    return;
  }
  sink.add('location', {
    id: l.id,
    location_type: 'physical',
    organization_id: l.organizationId,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
  });
  if (l.addressLine1 || l.addressLine2 || l.postalCode || l.city) {
    sink.add('address', {
      id: `${l.id}:address`,
      location_id: l.id,
      address_1: l.addressLine1,
      address_2: l.addressLine2,
      city: l.city,
      state_province: regionName,
      postal_code: l.postalCode,
      country: 'SE',
      address_type: 'physical',
    });
  }
  if (l.accessibilityDescription) sink.add('accessibility', { id: `${l.id}:accessibility`, location_id: l.id, description: l.accessibilityDescription });
  if (l.municipalityId) sink.link('location', l.id, 'municipality', l.municipalityId);
}

// ── HSDS rows → model (import) ───────────────────────────────────────────────────

/** One row as read and typed, with where it came from for error messages. */
export interface StoredRow {
  file: string;
  row: number;
  values: Record<string, string | number | undefined>;
}

export type RowsByTable = Record<HsdsTableName, StoredRow[]>;

export interface ImportProblem {
  file: string;
  row: number;
  field: string;
  message: string;
}

/** What the database already holds, for references and for natural keys that must stay unique. */
export interface ExistingRecords {
  organizations: Map<string, string>;
  services: Map<string, string>;
  locations: Set<string>;
  contacts: Set<string>;
  categories: Map<string, string>;
  targetGroups: Map<string, string>;
  attributes: Map<string, string>;
  municipalities: Map<string, { code: string; slug: string; name: string }>;
}

const TERM_KINDS = {
  [TAXONOMIES.categories.id]: 'category',
  [TAXONOMIES.targetGroups.id]: 'target_group',
  [TAXONOMIES.attributes.id]: 'feature',
  [TAXONOMIES.municipalities.id]: 'municipality',
  [EXTENSIONS_TAXONOMY]: 'extension',
} as const;
type TermKind = (typeof TERM_KINDS)[keyof typeof TERM_KINDS];

const SERVICE_STATUSES: Record<string, DirectoryModel['services'][number]['status']> = {
  active: 'ACTIVE',
  inactive: 'INACTIVE',
  'temporarily closed': 'INACTIVE',
  defunct: 'DEFUNCT',
};

const ORGANIZATION_KINDS = new Set(['ASSOCIATION', 'REGION', 'MUNICIPALITY']);
const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d))?$/;

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'post'
  );
}

const str = (v: string | number | undefined): string | null => (v === undefined ? null : String(v));
const num = (v: string | number | undefined): number | null => (v === undefined ? null : Number(v));

function minutesOf(time: string): number {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

const exceptionSchema = z.object({
  id: z.string().min(1).max(64),
  date: z.string().refine(isCalendarDate, 'date must be YYYY-MM-DD'),
  is_closed: z.boolean(),
  opens_minute: z.number().int().min(0).max(2880).nullable(),
  closes_minute: z.number().int().min(0).max(2880).nullable(),
  reason: z.string().max(500).nullable(),
});

/**
 * Builds the model from the rows of a file and checks everything that needs more than one
 * row: duplicate ids, references (to rows of the file or records of the database), known
 * taxonomy terms, protected-location rules and the extension values. Every problem is
 * collected; the model is only usable when there are none.
 */
export function tablesToModel(rows: RowsByTable, existing: ExistingRecords): { model: DirectoryModel; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (r: StoredRow, field: string, message: string) => problems.push({ file: r.file, row: r.row, field, message });
  const model: DirectoryModel = {
    municipalities: [],
    categories: [],
    targetGroups: [],
    attributes: [],
    organizations: [],
    locations: [],
    services: [],
    contacts: [],
    phones: [],
  };

  // Ids unique per table.
  const idsOf = (table: HsdsTableName) => {
    const seen = new Map<string, StoredRow>();
    for (const r of rows[table]) {
      const id = String(r.values.id);
      if (seen.has(id)) problem(r, 'id', `the id ${id} appears twice in ${table}`);
      else seen.set(id, r);
    }
    return seen;
  };
  const fileRows = Object.fromEntries(TABLE_NAMES.map((t) => [t, idsOf(t)])) as Record<HsdsTableName, Map<string, StoredRow>>;

  // Attributes grouped by what they describe.
  const attributesOf = new Map<string, StoredRow[]>();
  for (const r of rows.attribute) {
    const key = `${String(r.values.link_entity)}|${String(r.values.link_id)}`;
    const list = attributesOf.get(key);
    if (list) list.push(r);
    else attributesOf.set(key, [r]);
  }
  const linked = (entity: string, id: string) => attributesOf.get(`${entity}|${id}`) ?? [];
  const usedAttributes = new Set<StoredRow>();

  // ── Taxonomy terms ──
  const termKind = new Map<string, TermKind>();
  for (const [id, kind] of [
    ...[...existing.categories.keys()].map((id) => [id, 'category'] as const),
    ...[...existing.targetGroups.keys()].map((id) => [id, 'target_group'] as const),
    ...[...existing.attributes.keys()].map((id) => [id, 'feature'] as const),
    ...[...existing.municipalities.keys()].map((id) => [id, 'municipality'] as const),
  ]) {
    termKind.set(id, kind);
  }
  for (const r of rows.taxonomy_term) {
    const taxonomy = String(r.values.taxonomy_id ?? r.values.taxonomy ?? '');
    const kind = (TERM_KINDS as Record<string, TermKind>)[taxonomy];
    if (!kind) {
      problem(r, 'taxonomy_id', `unknown taxonomy "${taxonomy}"; use ${Object.keys(TERM_KINDS).join(', ')}`);
      continue;
    }
    termKind.set(String(r.values.id), kind);
  }

  /** Extension values of one record by code, each attribute marked as used. */
  const extensionsOf = (entity: string, id: string) => {
    const values = new Map<string, { value: string; row: StoredRow }>();
    const translations: { locale: string; code: string; value: string; row: StoredRow }[] = [];
    const links: StoredRow[] = [];
    for (const a of linked(entity, id)) {
      usedAttributes.add(a);
      const termId = String(a.values.taxonomy_term_id);
      const value = str(a.values.value) ?? '';
      if (termId.startsWith(`${EXTENSIONS_TAXONOMY}:`)) {
        const [, code = '', locale] = termId.split(':');
        if (locale !== undefined) {
          if (!LOCALE.test(locale) || locale === BASE_LANGUAGE) problem(a, 'taxonomy_term_id', `"${locale}" is not a language code for a translation`);
          else translations.push({ locale, code, value, row: a });
        } else if (code === 'schedule_exception') {
          links.push(a);
        } else if (values.has(code)) {
          problem(a, 'taxonomy_term_id', `the extension ${code} is given twice for ${entity} ${id}`);
        } else values.set(code, { value, row: a });
      } else links.push(a);
    }
    return { values, translations, links };
  };

  const boolExt = (ext: ReturnType<typeof extensionsOf>, code: string, fallback: boolean) => {
    const e = ext.values.get(code);
    if (!e) return fallback;
    if (e.value !== 'true' && e.value !== 'false') problem(e.row, 'value', `${code} must be true or false`);
    return e.value === 'true';
  };
  const intExt = (ext: ReturnType<typeof extensionsOf>, code: string, fallback: number) => {
    const e = ext.values.get(code);
    if (!e) return fallback;
    if (!/^-?\d{1,9}$/.test(e.value)) problem(e.row, 'value', `${code} must be a whole number`);
    return Number(e.value);
  };
  const instantExt = (ext: ReturnType<typeof extensionsOf>, code: string): string | null => {
    const e = ext.values.get(code);
    if (!e) return null;
    if (!isDateTime(e.value)) {
      problem(e.row, 'value', `${code} must be a date and time in ISO 8601`);
      return null;
    }
    return new Date(e.value).toISOString();
  };
  const translationsOf = (ext: ReturnType<typeof extensionsOf>, fields: Record<string, string>): TranslationM[] => {
    const codeToKey = new Map(Object.entries(fields).map(([key, code]) => [code, key]));
    const byLocale = new Map<string, TranslationM>();
    for (const t of ext.translations) {
      const key = codeToKey.get(t.code);
      if (!key) {
        problem(t.row, 'taxonomy_term_id', `${t.code} cannot be translated here`);
        continue;
      }
      let entry = byLocale.get(t.locale);
      if (!entry) {
        entry = { locale: t.locale, fields: Object.fromEntries(Object.keys(fields).map((k) => [k, null])) };
        byLocale.set(t.locale, entry);
      }
      entry.fields[key] = t.value;
    }
    return [...byLocale.values()].sort((a, b) => (a.locale < b.locale ? -1 : 1));
  };
  /** A natural key (slug, code) must not belong to another record of the database or the file. */
  const uniqueKey = (seen: Map<string, string>, taken: Map<string, string>, key: string, id: string, r: StoredRow, field: string, what: string) => {
    const other = seen.get(key) ?? taken.get(key);
    if (other !== undefined && other !== id) problem(r, field, `the ${what} "${key}" already belongs to ${other}`);
    seen.set(key, id);
  };
  const invert = (m: Map<string, string>) => new Map([...m].map(([id, key]) => [key, id]));

  const seenCategorySlugs = new Map<string, string>();
  const seenTargetSlugs = new Map<string, string>();
  const seenAttributeKeys = new Map<string, string>();
  const seenMunicipalityCodes = new Map<string, string>();
  const takenCategorySlugs = invert(existing.categories);
  const takenTargetSlugs = invert(existing.targetGroups);
  const takenAttributeKeys = invert(existing.attributes);
  const takenMunicipalityCodes = new Map([...existing.municipalities].map(([id, m]) => [m.code, id]));

  for (const r of rows.taxonomy_term) {
    const id = String(r.values.id);
    const kind = termKind.get(id);
    const name = String(r.values.name ?? '');
    const code = str(r.values.code);
    const ext = extensionsOf('taxonomy_term', id);
    if (kind === 'category') {
      const slug = code ?? slugify(name);
      uniqueKey(seenCategorySlugs, takenCategorySlugs, slug, id, r, 'code', 'category code');
      const parentId = str(r.values.parent_id);
      if (parentId && termKind.get(parentId) !== 'category') problem(r, 'parent_id', `unknown parent category ${parentId}`);
      model.categories.push({
        id,
        slug,
        name,
        description: str(r.values.description) ?? '',
        icon: ext.values.get('icon')?.value ?? 'hand',
        parentId,
        sortOrder: intExt(ext, 'sort_order', 0),
        isActive: boolExt(ext, 'is_active', true),
        translations: translationsOf(ext, TRANSLATED_FIELDS.category),
      });
    } else if (kind === 'target_group') {
      const slug = code ?? slugify(name);
      uniqueKey(seenTargetSlugs, takenTargetSlugs, slug, id, r, 'code', 'target group code');
      const translations = translationsOf(ext, TRANSLATED_FIELDS.target_group);
      for (const t of translations) if (!t.fields.name) problem(r, 'name', `the ${t.locale} translation has no name`);
      model.targetGroups.push({ id, slug, name, sortOrder: intExt(ext, 'sort_order', 0), translations });
    } else if (kind === 'feature') {
      const key = code ?? slugify(name);
      uniqueKey(seenAttributeKeys, takenAttributeKeys, key, id, r, 'code', 'attribute code');
      const translations = translationsOf(ext, TRANSLATED_FIELDS.feature);
      for (const t of translations) if (!t.fields.name) problem(r, 'name', `the ${t.locale} translation has no name`);
      model.attributes.push({
        id,
        key,
        name,
        description: str(r.values.description) ?? '',
        icon: ext.values.get('icon')?.value ?? null,
        isFilter: boolExt(ext, 'is_filter', true),
        sortOrder: intExt(ext, 'sort_order', 0),
        translations,
      });
    } else if (kind === 'municipality') {
      if (!code || !/^\d{4}$/.test(code)) problem(r, 'code', 'a municipality needs its four-digit SCB code as code');
      if (code) uniqueKey(seenMunicipalityCodes, takenMunicipalityCodes, code, id, r, 'code', 'municipality code');
      model.municipalities.push({
        id,
        code: code ?? '',
        name,
        slug: ext.values.get('slug')?.value ?? slugify(name),
        regionName: ext.values.get('region_name')?.value ?? '',
        isActive: boolExt(ext, 'is_active', true),
      });
    }
  }
  const municipalityIdByName = new Map<string, string>();
  for (const [id, m] of existing.municipalities) municipalityIdByName.set(m.name.toLowerCase(), id);
  for (const m of model.municipalities) municipalityIdByName.set(m.name.toLowerCase(), m.id);

  const known = {
    organization: (id: string) => fileRows.organization.has(id) || existing.organizations.has(id),
    service: (id: string) => fileRows.service.has(id) || existing.services.has(id),
    location: (id: string) => fileRows.location.has(id) || existing.locations.has(id),
    contact: (id: string) => fileRows.contact.has(id) || existing.contacts.has(id),
  };
  const municipalityLink = (links: StoredRow[]): string | null => {
    let found: string | null = null;
    for (const a of links) {
      if (a.values.link_type !== 'municipality') continue;
      const termId = String(a.values.taxonomy_term_id);
      if (termKind.get(termId) !== 'municipality') problem(a, 'taxonomy_term_id', `unknown municipality ${termId}`);
      else if (found) problem(a, 'taxonomy_term_id', 'only one municipality can be given here');
      else found = termId;
    }
    return found;
  };
  const otherLinks = (links: StoredRow[], allowed: string[]) => {
    for (const a of links) {
      if (!allowed.includes(String(a.values.link_type))) problem(a, 'link_type', `unexpected attribute "${String(a.values.link_type ?? '')}" here`);
    }
  };

  // ── Organisations ──
  const seenOrgSlugs = new Map<string, string>();
  const takenOrgSlugs = invert(existing.organizations);
  for (const r of rows.organization) {
    const id = String(r.values.id);
    const ext = extensionsOf('organization', id);
    const kind = ext.values.get('kind');
    if (kind && !ORGANIZATION_KINDS.has(kind.value)) problem(kind.row, 'value', 'kind must be ASSOCIATION, REGION or MUNICIPALITY');
    const name = String(r.values.name);
    const slug = ext.values.get('slug')?.value ?? existing.organizations.get(id) ?? `${slugify(name)}-${id.slice(-6).toLowerCase()}`;
    uniqueKey(seenOrgSlugs, takenOrgSlugs, slug, id, r, 'id', 'organisation slug');
    const municipalityId = municipalityLink(ext.links);
    otherLinks(ext.links, ['municipality']);
    model.organizations.push({
      id,
      kind: (kind?.value ?? 'ASSOCIATION') as OrganizationM['kind'],
      name,
      slug,
      description: str(r.values.description) ?? '',
      email: str(r.values.email),
      phone: ext.values.get('phone')?.value ?? null,
      website: str(r.values.website),
      orgNumber: str(r.values.tax_id),
      municipalityId,
      isActive: boolExt(ext, 'is_active', true),
      lastConfirmedAt: instantExt(ext, 'last_confirmed_at'),
      translations: translationsOf(ext, TRANSLATED_FIELDS.organization),
    });
  }

  // ── Locations ──
  const oneOf = (table: 'address' | 'accessibility') => {
    const byLocation = new Map<string, StoredRow>();
    for (const r of rows[table]) {
      const locationId = str(r.values.location_id);
      if (!locationId || !fileRows.location.has(locationId)) {
        problem(r, 'location_id', locationId ? `unknown location ${locationId}` : 'is required');
      } else if (byLocation.has(locationId)) {
        problem(r, 'location_id', `location ${locationId} has more than one ${table}`);
      } else byLocation.set(locationId, r);
    }
    return byLocation;
  };
  const addresses = oneOf('address');
  const accessibility = oneOf('accessibility');
  const protectedLocations = new Set<string>();
  for (const r of rows.location) {
    const id = String(r.values.id);
    const ext = extensionsOf('location', id);
    const isProtected = boolExt(ext, 'address_protected', false);
    const organizationId = str(r.values.organization_id);
    if (!organizationId) problem(r, 'organization_id', 'is required');
    else if (!known.organization(organizationId)) problem(r, 'organization_id', `unknown organisation ${organizationId}`);
    if (!r.values.name) problem(r, 'name', 'is required');
    const address = addresses.get(id);
    const access = accessibility.get(id);
    if (isProtected) {
      protectedLocations.add(id);
      // The file itself must not carry what must never be published.
      for (const field of ['description', 'transportation', 'latitude', 'longitude']) {
        if (r.values[field] !== undefined) problem(r, field, 'a protected location must not have this; its address is never shown or exported');
      }
      if (address) problem(address, 'location_id', 'a protected location must not have an address');
      if (access) problem(access, 'location_id', 'a protected location must not have accessibility details');
    }
    const latitude = num(r.values.latitude);
    const longitude = num(r.values.longitude);
    if (latitude !== null && (latitude < -90 || latitude > 90)) problem(r, 'latitude', 'must be from -90 to 90');
    if (longitude !== null && (longitude < -180 || longitude > 180)) problem(r, 'longitude', 'must be from -180 to 180');
    const municipalityId = municipalityLink(ext.links);
    otherLinks(ext.links, ['municipality']);
    model.locations.push({
      id,
      organizationId: organizationId ?? '',
      name: String(r.values.name ?? ''),
      description: isProtected ? null : str(r.values.description),
      addressLine1: isProtected ? null : str(address?.values.address_1),
      addressLine2: isProtected ? null : str(address?.values.address_2),
      postalCode: isProtected ? null : str(address?.values.postal_code),
      city: isProtected ? null : str(address?.values.city),
      municipalityId: isProtected ? null : municipalityId,
      latitude: isProtected ? null : latitude,
      longitude: isProtected ? null : longitude,
      isProtected,
      accessibilityDescription: isProtected ? null : str(access?.values.description),
      transportation: isProtected ? null : str(r.values.transportation),
    });
  }

  // ── Services and what hangs on them ──
  const byService = <T extends HsdsTableName>(table: T, field = 'service_id') => {
    const map = new Map<string, StoredRow[]>();
    for (const r of rows[table]) {
      const serviceId = str(r.values[field]);
      if (!serviceId) continue;
      const list = map.get(serviceId);
      if (list) list.push(r);
      else map.set(serviceId, [r]);
    }
    return map;
  };
  const salsOf = byService('service_at_location');
  const languagesOf = byService('language');
  const areasOf = byService('service_area');
  const costsOf = byService('cost_option');
  const schedulesOf = new Map<string, StoredRow[]>();
  const salService = new Map(rows.service_at_location.map((r) => [String(r.values.id), str(r.values.service_id)]));
  for (const r of rows.schedule) {
    const salId = str(r.values.service_at_location_id);
    const serviceId = str(r.values.service_id) ?? (salId ? (salService.get(salId) ?? null) : null);
    if (!serviceId) {
      problem(r, 'service_id', 'a schedule needs a service_id or a service_at_location_id of this file');
      continue;
    }
    if (salId && salService.get(salId) !== serviceId) problem(r, 'service_at_location_id', `unknown service_at_location ${salId} of service ${serviceId}`);
    const list = schedulesOf.get(serviceId);
    if (list) list.push(r);
    else schedulesOf.set(serviceId, [r]);
  }
  for (const table of ['service_at_location', 'language', 'service_area', 'cost_option', 'schedule'] as const) {
    for (const r of rows[table]) {
      const serviceId = str(r.values.service_id);
      if (serviceId && !fileRows.service.has(serviceId)) problem(r, 'service_id', `unknown service ${serviceId} (it must be in the same file)`);
      else if (!serviceId && table !== 'schedule') problem(r, 'service_id', 'is required');
    }
  }

  const seenServiceSlugs = new Map<string, string>();
  const takenServiceSlugs = invert(existing.services);
  for (const r of rows.service) {
    const id = String(r.values.id);
    const ext = extensionsOf('service', id);
    const name = String(r.values.name);
    const organizationId = String(r.values.organization_id);
    if (!known.organization(organizationId)) problem(r, 'organization_id', `unknown organisation ${organizationId}`);
    const statusText = String(r.values.status).toLowerCase();
    const status = SERVICE_STATUSES[statusText];
    if (!status) problem(r, 'status', 'must be active, inactive, defunct or temporarily closed');
    const minimumAge = num(r.values.minimum_age);
    const maximumAge = num(r.values.maximum_age);
    if (minimumAge !== null && (minimumAge < 0 || minimumAge > 130)) problem(r, 'minimum_age', 'must be from 0 to 130');
    if (maximumAge !== null && (maximumAge < 0 || maximumAge > 130)) problem(r, 'maximum_age', 'must be from 0 to 130');
    if (minimumAge !== null && maximumAge !== null && minimumAge > maximumAge) problem(r, 'maximum_age', 'must not be below minimum_age');
    const slug = ext.values.get('slug')?.value ?? existing.services.get(id) ?? `${slugify(name)}-${id.slice(-6).toLowerCase()}`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) problem(ext.values.get('slug')?.row ?? r, 'value', 'a slug has only a-z, 0-9 and single hyphens');
    uniqueKey(seenServiceSlugs, takenServiceSlugs, slug, id, r, 'id', 'service slug');
    const description = str(r.values.description) ?? '';
    const summary = ext.values.get('summary')?.value ?? description.split(/(?<=[.!?])\s/)[0]?.slice(0, 300) ?? '';
    let keywords: string[] = [];
    const keywordExt = ext.values.get('keywords');
    if (keywordExt) {
      const parsed = z.array(z.string().min(1).max(100)).max(100).safeParse(safeJson(keywordExt.value));
      if (parsed.success) keywords = parsed.data;
      else problem(keywordExt.row, 'value', 'keywords must be a JSON list of words');
    }
    const timezone = ext.values.get('timezone')?.value ?? 'Europe/Stockholm';
    if (!isTimeZone(timezone)) problem(ext.values.get('timezone')?.row ?? r, 'value', `unknown time zone ${timezone}`);
    const lastConfirmedAt =
      instantExt(ext, 'last_confirmed_at') ?? (r.values.assured_date ? `${String(r.values.assured_date)}T00:00:00.000Z` : null);

    const categories: ServiceModel['categories'] = [];
    const targetGroupIds: string[] = [];
    const features: ServiceModel['attributes'] = [];
    const exceptions: ServiceModel['exceptions'] = [];
    for (const a of ext.links) {
      const termId = String(a.values.taxonomy_term_id);
      const linkType = String(a.values.link_type ?? '');
      const kind = termKind.get(termId);
      if (linkType === 'schedule_exception') {
        const parsed = exceptionSchema.safeParse(safeJson(str(a.values.value) ?? ''));
        if (!parsed.success) {
          problem(a, 'value', `a schedule exception needs JSON with ${Object.keys(exceptionSchema.shape).join(', ')} (${parsed.error.issues[0]?.message ?? ''})`);
          continue;
        }
        const e = parsed.data;
        if (!e.is_closed && (e.opens_minute === null || e.closes_minute === null)) problem(a, 'value', 'an exception that is open needs opens_minute and closes_minute');
        exceptions.push({ id: e.id, date: e.date, isClosed: e.is_closed, opensMinute: e.opens_minute, closesMinute: e.closes_minute, reason: e.reason });
      } else if (linkType === 'category' || (!linkType && kind === 'category')) {
        if (kind !== 'category') problem(a, 'taxonomy_term_id', `unknown category ${termId}`);
        else categories.push({ categoryId: termId, isPrimary: a.values.value === 'primary' });
      } else if (linkType === 'target_group' || (!linkType && kind === 'target_group')) {
        if (kind !== 'target_group') problem(a, 'taxonomy_term_id', `unknown target group ${termId}`);
        else targetGroupIds.push(termId);
      } else if (linkType === 'feature' || (!linkType && kind === 'feature')) {
        if (kind !== 'feature') problem(a, 'taxonomy_term_id', `unknown attribute ${termId}`);
        else features.push({ attributeId: termId, note: str(a.values.value) });
      } else {
        problem(a, 'taxonomy_term_id', `unknown taxonomy term ${termId} (link_type ${linkType || 'missing'})`);
      }
    }
    const dateKeys = new Set<string>();
    for (const e of exceptions) {
      const key = `${e.date}|${e.opensMinute ?? ''}`;
      if (dateKeys.has(key)) problems.push({ file: r.file, row: r.row, field: 'attribute', message: `two schedule exceptions for ${e.date} at the same time` });
      dateKeys.add(key);
    }

    const atLocations = (salsOf.get(id) ?? []).map((sal) => {
      const locationId = String(sal.values.location_id);
      if (!known.location(locationId)) problem(sal, 'location_id', `unknown location ${locationId}`);
      return { id: String(sal.values.id), locationId, description: str(sal.values.description) };
    });
    const salLocations = new Set<string>();
    for (const [i, sal] of atLocations.entries()) {
      if (salLocations.has(sal.locationId)) problem((salsOf.get(id) ?? [])[i] ?? r, 'location_id', `service ${id} is at location ${sal.locationId} twice`);
      salLocations.add(sal.locationId);
    }

    const schedules = (schedulesOf.get(id) ?? []).flatMap((s): ServiceModel['schedules'] => {
      const weekday = BYDAY.indexOf(String(s.values.byday ?? '').toUpperCase()) + 1;
      if (weekday === 0) problem(s, 'byday', 'must be one day: MO, TU, WE, TH, FR, SA or SU');
      if (s.values.freq !== undefined && String(s.values.freq).toUpperCase() !== 'WEEKLY') problem(s, 'freq', 'only WEEKLY schedules can be imported');
      const opens = minutesOf(String(s.values.opens_at ?? ''));
      const closesAt = String(s.values.closes_at ?? '');
      let closes = closesAt === '23:59:59' || closesAt === '24:00' || closesAt === '24:00:00' ? MINUTES_PER_DAY : minutesOf(closesAt);
      if (Number.isNaN(opens)) problem(s, 'opens_at', 'must be a time as HH:MM or HH:MM:SS');
      if (Number.isNaN(closes)) problem(s, 'closes_at', 'must be a time as HH:MM or HH:MM:SS');
      // Closing at or before opening means the next day.
      if (closes <= opens) closes += MINUTES_PER_DAY;
      const validFrom = str(s.values.valid_from);
      const validTo = str(s.values.valid_to);
      if (validFrom && validTo && validFrom > validTo) problem(s, 'valid_to', 'must not be before valid_from');
      return [
        {
          id: String(s.values.id),
          serviceAtLocationId: str(s.values.service_at_location_id),
          weekday,
          opensMinute: opens,
          closesMinute: closes,
          validFrom,
          validTo,
          description: str(s.values.description),
        },
      ];
    });

    const languages = (languagesOf.get(id) ?? []).map((l) => {
      const code = String(l.values.code ?? '').toLowerCase();
      if (!LANGUAGE_CODE.test(code)) problem(l, 'code', 'must be an ISO 639 language code such as sv, en or ar');
      return { languageCode: code, note: str(l.values.note) };
    });
    const seenLanguages = new Set<string>();
    for (const [i, l] of languages.entries()) {
      if (seenLanguages.has(l.languageCode)) problem((languagesOf.get(id) ?? [])[i] ?? r, 'code', `language ${l.languageCode} is listed twice`);
      seenLanguages.add(l.languageCode);
    }

    const municipalityIds = (areasOf.get(id) ?? []).flatMap((area) => {
      const areaLinks = linked('service_area', String(area.values.id));
      for (const a of areaLinks) usedAttributes.add(a);
      const linkedId = municipalityLink(areaLinks);
      otherLinks(areaLinks, ['municipality']);
      const municipalityId = linkedId ?? municipalityIdByName.get(String(area.values.name ?? '').toLowerCase()) ?? null;
      if (!municipalityId) {
        problem(area, 'name', `unknown municipality "${String(area.values.name ?? '')}"`);
        return [];
      }
      return [municipalityId];
    });

    const costOptions = (costsOf.get(id) ?? []).map((c) => {
      const amount = num(c.values.amount);
      if (amount !== null && (amount < 0 || amount >= 1e8 || Math.round(amount * 100) !== amount * 100)) {
        problem(c, 'amount', 'must be from 0 with at most two decimals');
      }
      const currency = String(c.values.currency ?? 'SEK');
      if (!/^[A-Z]{3}$/.test(currency)) problem(c, 'currency', 'must be a three-letter currency code such as SEK');
      const validFrom = str(c.values.valid_from);
      const validTo = str(c.values.valid_to);
      if (validFrom && validTo && validFrom > validTo) problem(c, 'valid_to', 'must not be before valid_from');
      return {
        id: String(c.values.id),
        option: str(c.values.option) ?? '',
        amount: amount === null ? null : String(amount),
        currency,
        amountDescription: str(c.values.amount_description),
        validFrom,
        validTo,
      };
    });

    model.services.push({
      id,
      organizationId,
      slug,
      name,
      alternateName: str(r.values.alternate_name),
      summary,
      description,
      easyReadSummary: ext.values.get('easy_read_summary')?.value ?? null,
      applicationProcess: str(r.values.application_process) ?? '',
      eligibilityDescription: str(r.values.eligibility_description),
      minimumAge,
      maximumAge,
      isFree: boolExt(ext, 'is_free', costOptions.length === 0 || costOptions.every((c) => c.amount === '0')),
      feesDescription: str(r.values.fees_description),
      email: str(r.values.email),
      url: str(r.values.url),
      status: status ?? 'ACTIVE',
      keywords,
      timezone,
      lastConfirmedAt,
      updatedAt: r.values.last_modified === undefined ? null : new Date(String(r.values.last_modified)).toISOString(),
      translations: translationsOf(ext, TRANSLATED_FIELDS.service),
      categories: categories.sort((a, b) => (a.categoryId < b.categoryId ? -1 : 1)),
      targetGroupIds: [...new Set(targetGroupIds)].sort(),
      attributes: features.sort((a, b) => (a.attributeId < b.attributeId ? -1 : 1)),
      languages: languages.sort((a, b) => (a.languageCode < b.languageCode ? -1 : 1)),
      municipalityIds: [...new Set(municipalityIds)].sort(),
      atLocations: sortById(atLocations),
      schedules: sortById(schedules),
      exceptions: sortById(exceptions),
      costOptions: sortById(costOptions),
    });
  }

  // ── Contacts and phones ──
  for (const r of rows.contact) {
    const serviceId = str(r.values.service_id);
    const organizationId = str(r.values.organization_id);
    if (!serviceId && !organizationId) problem(r, 'service_id', 'a contact needs a service_id or an organization_id');
    if (serviceId && !known.service(serviceId)) problem(r, 'service_id', `unknown service ${serviceId}`);
    if (organizationId && !known.organization(organizationId)) problem(r, 'organization_id', `unknown organisation ${organizationId}`);
    model.contacts.push({
      id: String(r.values.id),
      serviceId,
      organizationId,
      name: str(r.values.name),
      title: str(r.values.title),
      department: str(r.values.department),
      email: str(r.values.email),
    });
  }
  for (const r of rows.phone) {
    const owners = {
      service_id: str(r.values.service_id),
      organization_id: str(r.values.organization_id),
      location_id: str(r.values.location_id),
      contact_id: str(r.values.contact_id),
    };
    if (!Object.values(owners).some(Boolean)) problem(r, 'service_id', 'a phone needs a service, organisation, location or contact');
    if (owners.service_id && !known.service(owners.service_id)) problem(r, 'service_id', `unknown service ${owners.service_id}`);
    if (owners.organization_id && !known.organization(owners.organization_id)) problem(r, 'organization_id', `unknown organisation ${owners.organization_id}`);
    if (owners.location_id && !known.location(owners.location_id)) problem(r, 'location_id', `unknown location ${owners.location_id}`);
    if (owners.location_id && protectedLocations.has(owners.location_id)) problem(r, 'location_id', 'a protected location must not have phones; give the service a phone instead');
    if (owners.contact_id && !known.contact(owners.contact_id)) problem(r, 'contact_id', `unknown contact ${owners.contact_id}`);
    const type = String(r.values.type ?? 'voice').toLowerCase();
    const kind = PHONE_KINDS[type] ?? (type === 'cell' ? 'VOICE' : undefined);
    if (!kind) problem(r, 'type', 'must be voice, cell, text, textphone or fax');
    model.phones.push({
      id: String(r.values.id),
      number: String(r.values.number),
      kind: kind ?? 'VOICE',
      description: str(r.values.description),
      serviceId: owners.service_id,
      organizationId: owners.organization_id,
      locationId: owners.location_id,
      contactId: owners.contact_id,
    });
  }

  // Attributes that describe nothing this file or the database knows.
  for (const r of rows.attribute) {
    if (usedAttributes.has(r)) continue;
    const entity = String(r.values.link_entity);
    const linkId = String(r.values.link_id);
    const targetKnown =
      (entity === 'service' && known.service(linkId)) ||
      (entity === 'organization' && known.organization(linkId)) ||
      (entity === 'location' && known.location(linkId)) ||
      (entity === 'taxonomy_term' && termKind.has(linkId)) ||
      (entity === 'service_area' && fileRows.service_area.has(linkId));
    problem(
      r,
      'link_id',
      targetKnown
        ? `the ${entity} ${linkId} is not in this file; attributes are imported with their ${entity}`
        : `unknown ${entity} ${linkId}`,
    );
  }
  for (const r of rows.taxonomy) {
    if (!(String(r.values.id) in TERM_KINDS)) problem(r, 'id', `unknown taxonomy ${String(r.values.id)}; use ${Object.keys(TERM_KINDS).join(', ')}`);
  }
  return { model, problems };
}

type ServiceModel = DirectoryModel['services'][number];
type OrganizationM = DirectoryModel['organizations'][number];

const TABLE_NAMES = Object.keys(HSDS_TABLES) as HsdsTableName[];

function sortById<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('sv', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
