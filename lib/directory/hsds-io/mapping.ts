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
import { BASE_LANGUAGE, BYDAY, EXTENSION_TERMS, languageNames, PHONE_TYPES, TAXONOMIES } from '@/lib/directory/hsds';
import type { DirectoryModel, LocationM, PhoneKind, TranslationM } from './model';
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
