/**
 * Bytes in and out: the HSDS JSON document, RFC 4180 CSV, datapackage.json and the zip that
 * carries the CSV package. Writers are deterministic (sorted rows, fixed key order, a fixed
 * zip date) so two exports of the same data are the same bytes. Readers stream: a large file
 * is never held as one string, and invalid UTF-8 is reported with the row it is in.
 */
import { createReadStream } from 'node:fs';
import { zipSync } from 'fflate';
import { HSDS_TABLES, SKIPPED_HSDS_TABLES, TABLE_ORDER, type FieldDef, type HsdsRow, type HsdsTableName, type HsdsTables } from './tables';

export const HSDS_VERSION = '3.0';
export const DATAPACKAGE_FILE = 'datapackage.json';
export const csvFileName = (table: HsdsTableName) => `${table}.csv`;

// ── Writers ──────────────────────────────────────────────────────────────────────

/** One JSON document: the HSDS tables by name, one row per line. */
export function tablesToJson(tables: HsdsTables): string {
  const parts = [`{\n"hsds_version": ${JSON.stringify(HSDS_VERSION)}`];
  for (const table of TABLE_ORDER) {
    const rows = tables[table].map((r) => JSON.stringify(r));
    parts.push(`,\n${JSON.stringify(table)}: [${rows.length ? `\n${rows.join(',\n')}\n` : ''}]`);
  }
  parts.push('\n}\n');
  return parts.join('');
}

const needsQuotes = /[",\r\n]/;
const csvCell = (value: string | number | undefined) => {
  if (value === undefined) return '';
  const text = String(value);
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** RFC 4180: a header row, CRLF line ends, quotes only where needed. */
export function tableToCsv(table: HsdsTableName, rows: HsdsRow[]): string {
  const fields = HSDS_TABLES[table].map((f) => f.name);
  const lines = [fields.join(',')];
  for (const r of rows) lines.push(fields.map((f) => csvCell(r[f])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const FRICTIONLESS_TYPES: Record<FieldDef['type'], string> = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  date: 'date',
  datetime: 'datetime',
};

/** The Tabular Data Package descriptor for the CSV files. */
export function datapackageJson(): string {
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'lisa-hsds',
    title: 'LISA directory of help (Open Referral HSDS 3.0)',
    hsds_version: HSDS_VERSION,
    resources: TABLE_ORDER.map((table) => {
      const fields: FieldDef[] = HSDS_TABLES[table];
      return {
        name: table,
        path: csvFileName(table),
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: fields.map((f) => ({ name: f.name, type: FRICTIONLESS_TYPES[f.type], ...(f.required ? { constraints: { required: true } } : {}) })),
          primaryKey: 'id',
          foreignKeys: fields
            .filter((f) => f.references)
            .map((f) => ({ fields: f.name, reference: { resource: f.references, fields: 'id' } })),
        },
      };
    }),
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}

/** Every file of the CSV datapackage by name. */
export function tablesToCsvFiles(tables: HsdsTables): Map<string, string> {
  const files = new Map<string, string>([[DATAPACKAGE_FILE, datapackageJson()]]);
  for (const table of TABLE_ORDER) files.set(csvFileName(table), tableToCsv(table, tables[table]));
  return files;
}

/** A fixed date in the zip headers, so the archive depends on the data only. */
const ZIP_DATE = new Date(2000, 0, 1);

export function zipFiles(files: Map<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const entries = Object.fromEntries([...files].map(([name, text]) => [name, [encoder.encode(text), { mtime: ZIP_DATE }] as const]));
  return zipSync(entries as Parameters<typeof zipSync>[0], { level: 6, mtime: ZIP_DATE });
}

// ── Readers ──────────────────────────────────────────────────────────────────────

export interface RawRow {
  /** The file (or the JSON document's table) the row came from, as errors name it. */
  file: string;
  table: HsdsTableName;
  /** CSV: the line number a spreadsheet shows (the header is row 1). JSON: the position in its table, from 1. */
  row: number;
  values: Record<string, unknown>;
}

export interface ReadProblem {
  file: string;
  row: number;
  field: string;
  message: string;
}

export type RowSink = (row: RawRow) => void;

/** Splits bytes into lines at LF, keeping partial lines between chunks. */
async function* byteLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let rest: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    let data = rest.length ? concat(rest, chunk) : chunk;
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] === 0x0a) {
        yield data.subarray(start, i + 1);
        start = i + 1;
      }
    }
    rest = data.subarray(start).slice();
    data = new Uint8Array(0);
  }
  if (rest.length) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export async function* bytesOf(data: Uint8Array): AsyncGenerator<Uint8Array> {
  const step = 1 << 20;
  for (let i = 0; i < data.length; i += step) yield data.subarray(i, i + step);
}

export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
}

/**
 * Reads one CSV table line by line. A line that is not UTF-8 is reported with its row and
 * still parsed (with replacement characters) so later rows are checked too.
 */
export async function readCsv(
  file: string,
  table: HsdsTableName,
  chunks: AsyncIterable<Uint8Array>,
  onRow: RowSink,
  onProblem: (p: ReadProblem) => void,
): Promise<void> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8');
  let header: string[] | null = null;
  let record: string[] = [];
  let value = '';
  let inQuotes = false;
  let afterQuote = false;
  let rowNumber = 1;
  let recordStart = 1;
  let lineNumber = 0;
  const known = new Set(HSDS_TABLES[table].map((f) => f.name));

  const endRecord = () => {
    record.push(value);
    value = '';
    const cells = record;
    record = [];
    afterQuote = false;
    if (!header) {
      header = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim());
      // Columns the portal does not use (HSDS has more fields) are skipped, as in JSON.
      if (!header.includes('id')) onProblem({ file, row: 1, field: 'id', message: 'the column id is missing' });
      return;
    }
    rowNumber = recordStart;
    if (cells.length === 1 && cells[0] === '') return;
    if (cells.length !== header.length) {
      onProblem({ file, row: rowNumber, field: '', message: `${cells.length} cells where the header has ${header.length}` });
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => {
      if (known.has(name) && cells[i] !== undefined && cells[i] !== '') values[name] = cells[i];
    });
    onRow({ file, table, row: rowNumber, values });
  };

  for await (const bytes of byteLines(chunks)) {
    lineNumber++;
    if (!inQuotes && record.length === 0 && value === '') recordStart = lineNumber;
    let line: string;
    try {
      line = strict.decode(bytes);
    } catch {
      onProblem({ file, row: recordStart, field: '', message: 'the text is not valid UTF-8; save the file as UTF-8' });
      line = lenient.decode(bytes);
    }
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (inQuotes) {
        if (ch === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i++;
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else value += ch;
      } else if (ch === '"' && value === '' && !afterQuote) {
        inQuotes = true;
      } else if (ch === ',') {
        record.push(value);
        value = '';
        afterQuote = false;
      } else if (ch === '\n') {
        endRecord();
      } else if (ch === '\r' && line[i + 1] === '\n') {
        // The CR of a CRLF line end.
      } else {
        value += ch;
      }
    }
  }
  if (inQuotes) onProblem({ file, row: recordStart, field: '', message: 'a quoted value is not closed before the end of the file' });
  if (record.length > 0 || value !== '') endRecord();
}

/**
 * Reads the JSON document row by row. The document is an object of tables; each row of a
 * table is a flat object, so a row's extent is found by counting braces outside strings and
 * only that row is parsed at a time.
 */
export async function readJson(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  onRow: RowSink,
  onProblem: (p: ReadProblem) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let depth = 0;
  let inString = false;
  let escaped = false;
  let lastString = '';
  let keyText = '';
  let key = '';
  let table: HsdsTableName | null = null;
  let skipping = false;
  let rowText = '';
  let rowCount = 0;
  let sawTop = false;
  const position = () => ({ file: table ? `${file} › ${table}` : file, row: rowCount + 1 });

  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      onProblem({ ...position(), field: '', message: 'the text is not valid UTF-8; save the file as UTF-8' });
      return;
    }
    let rowFrom = depth >= 3 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') {
          inString = false;
          if (depth === 1) lastString = keyText;
        }
        // Keys of the document are short; row strings are never copied here.
        if (depth === 1 && inString) keyText += ch;
        continue;
      }
      if (ch === '"') {
        inString = true;
        keyText = '';
        continue;
      }
      if (ch === ':' && depth === 1) {
        key = lastString;
      } else if (ch === '{' || ch === '[') {
        depth++;
        if (depth === 1) sawTop = true;
        if (depth === 2) {
          table = null;
          skipping = true;
          if (ch === '[' && key !== 'hsds_version') {
            const name = key;
            if (name in HSDS_TABLES) {
              table = name as HsdsTableName;
              skipping = false;
              rowCount = 0;
            } else if (!SKIPPED_HSDS_TABLES.has(name)) onProblem({ file, row: 0, field: name, message: 'unknown HSDS table' });
          }
        }
        if (depth === 3 && table && !skipping) {
          rowFrom = i;
          rowText = '';
        }
      } else if (ch === '}' || ch === ']') {
        if (depth === 3 && table && !skipping && rowFrom >= 0) {
          rowText += text.slice(rowFrom, i + 1);
          rowFrom = -1;
          rowCount++;
          try {
            const values = JSON.parse(rowText) as unknown;
            if (values && typeof values === 'object' && !Array.isArray(values)) {
              onRow({ file: `${file} › ${table}`, table, row: rowCount, values: values as Record<string, unknown> });
            } else onProblem({ file: `${file} › ${table}`, row: rowCount, field: '', message: 'each row must be an object' });
          } catch {
            onProblem({ file: `${file} › ${table}`, row: rowCount, field: '', message: 'the row is not valid JSON' });
          }
          rowText = '';
        }
        depth--;
        if (depth === 1) table = null;
      }
    }
    if (rowFrom >= 0) rowText += text.slice(rowFrom);
  }
  if (!sawTop || depth !== 0 || inString) onProblem({ file, row: 0, field: '', message: 'the file is not a complete JSON document' });
}
