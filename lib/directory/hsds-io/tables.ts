/**
 * The HSDS 3.0 tables the import and export use, with their fields in HSDS order. `required`
 * marks what an import cannot do without (HSDS's own list is longer; the portal's data may
 * lack, say, a street address). One list
 * drives the CSV columns, the key order of the JSON document and datapackage.json, so the
 * three never disagree.
 */

export type HsdsTableName =
  | 'taxonomy'
  | 'taxonomy_term'
  | 'organization'
  | 'location'
  | 'address'
  | 'accessibility'
  | 'service'
  | 'service_at_location'
  | 'schedule'
  | 'service_area'
  | 'language'
  | 'cost_option'
  | 'contact'
  | 'phone'
  | 'attribute';

export type FieldType = 'string' | 'number' | 'integer' | 'date' | 'datetime';

export interface FieldDef {
  name: string;
  type: FieldType;
  required?: boolean;
  /** `table` this field points to (by id), for datapackage.json foreign keys. */
  references?: HsdsTableName;
}

const s = (name: string, required = false): FieldDef => ({ name, type: 'string', required });
const ref = (name: string, references: HsdsTableName, required = false): FieldDef => ({ name, type: 'string', required, references });
const id = s('id', true);

export const HSDS_TABLES: Record<HsdsTableName, FieldDef[]> = {
  taxonomy: [id, s('name', true), s('description')],
  taxonomy_term: [
    id,
    s('code'),
    s('name', true),
    s('description'),
    ref('parent_id', 'taxonomy_term'),
    s('taxonomy'),
    s('language'),
    ref('taxonomy_id', 'taxonomy'),
  ],
  organization: [id, s('name', true), s('alternate_name'), s('description'), s('email'), s('website'), s('tax_id')],
  location: [
    id,
    s('location_type'),
    ref('organization_id', 'organization'),
    s('name'),
    s('description'),
    s('transportation'),
    { name: 'latitude', type: 'number' },
    { name: 'longitude', type: 'number' },
  ],
  address: [
    id,
    ref('location_id', 'location'),
    s('address_1'),
    s('address_2'),
    s('city'),
    s('state_province'),
    s('postal_code'),
    s('country'),
    s('address_type'),
  ],
  accessibility: [id, ref('location_id', 'location'), s('description')],
  service: [
    id,
    ref('organization_id', 'organization', true),
    s('name', true),
    s('alternate_name'),
    s('description'),
    s('url'),
    s('email'),
    s('status', true),
    s('interpretation_services'),
    s('application_process'),
    s('fees_description'),
    s('eligibility_description'),
    { name: 'minimum_age', type: 'integer' },
    { name: 'maximum_age', type: 'integer' },
    { name: 'assured_date', type: 'date' },
    { name: 'last_modified', type: 'datetime' },
  ],
  service_at_location: [id, ref('service_id', 'service', true), ref('location_id', 'location', true), s('description')],
  schedule: [
    id,
    ref('service_id', 'service'),
    ref('service_at_location_id', 'service_at_location'),
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    s('freq'),
    { name: 'interval', type: 'integer' },
    s('byday'),
    s('opens_at'),
    s('closes_at'),
    s('description'),
    s('notes'),
  ],
  service_area: [id, ref('service_id', 'service'), s('name'), s('description')],
  language: [id, ref('service_id', 'service'), s('name'), s('code'), s('note')],
  cost_option: [
    id,
    ref('service_id', 'service', true),
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    s('option'),
    s('currency'),
    { name: 'amount', type: 'number' },
    s('amount_description'),
  ],
  contact: [id, ref('organization_id', 'organization'), ref('service_id', 'service'), s('name'), s('title'), s('department'), s('email')],
  phone: [
    id,
    ref('location_id', 'location'),
    ref('service_id', 'service'),
    ref('organization_id', 'organization'),
    ref('contact_id', 'contact'),
    s('number', true),
    s('type'),
    s('description'),
  ],
  attribute: [id, s('link_id', true), ref('taxonomy_term_id', 'taxonomy_term', true), s('link_type'), s('link_entity', true), s('value')],
};

/** The order tables appear in the JSON document and the datapackage: referenced before referring. */
export const TABLE_ORDER = Object.keys(HSDS_TABLES) as HsdsTableName[];

export type CellValue = string | number;
/** One row as the export writes it: fields without a value are absent. */
export type HsdsRow = Record<string, CellValue | undefined>;
export type HsdsTables = Record<HsdsTableName, HsdsRow[]>;

/**
 * HSDS 3.0 tables the portal has no place for: a file may carry them, and they are skipped
 * rather than refused.
 */
export const SKIPPED_HSDS_TABLES = new Set([
  'program',
  'funding',
  'required_document',
  'url',
  'metadata',
  'meta_table_description',
  'organization_identifier',
  'service_capacity',
  'unit',
]);

export const isTableName = (name: string): name is HsdsTableName => Object.hasOwn(HSDS_TABLES, name);

export function emptyTables(): HsdsTables {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as HsdsTables;
}
