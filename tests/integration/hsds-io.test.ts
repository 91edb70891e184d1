/**
 * HSDS import and export (lib/directory/hsds-io): the demo directory out as JSON and as a CSV
 * datapackage, into an empty database, and out again byte for byte; protected addresses never
 * leave; a second import changes nothing; a broken file writes nothing and names every error.
 */
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { buildHsdsExport, exportDirectory } from '@/lib/directory/hsds-io/export';
import { createImportRun, detectFormat, runImport, type ImportRunReport } from '@/lib/directory/hsds-io/import';
import { getImportRun, listImportRuns, MAX_UPLOAD_BYTES, performHsdsImport, startHsdsImport } from '@/lib/directory/hsds-io/runs';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { seedDatabase } from '@/prisma/seed/index';
import { createTestDatabase, useTestDatabase, type TestDatabase } from '../helpers/db';
import { generatedCsvZip } from '../helpers/hsds-generated';

const db = useTestDatabase();

const PROTECTED_STREET = 'Hemliggatan 13';
const PROTECTED_PHONE = '0586-999 99 99';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const unzipText = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decode(data)]));

let workDir: string;
const extraDatabases: TestDatabase[] = [];

async function freshDatabase(): Promise<PrismaClient> {
  const fresh = await createTestDatabase();
  extraDatabases.push(fresh);
  return fresh.prisma;
}

async function importFile(target: PrismaClient, name: string, content: string | Uint8Array): Promise<ImportRunReport & { progress: number[] }> {
  const filePath = path.join(workDir, `${Date.now()}-${Math.random().toString(36).slice(2)}-${name}`);
  await writeFile(filePath, content);
  const runId = await createImportRun(target, { fileName: name, format: await detectFormat(filePath), createdById: null });
  const progress: number[] = [];
  const report = await runImport(target, runId, filePath, { onProgress: (r) => progress.push(r.processed) });
  return { ...report, progress };
}

/** Row counts of every directory table, and the newest change time of services. */
async function directoryState(target: PrismaClient) {
  return {
    counts: await Promise.all([
      target.organization.count(),
      target.service.count(),
      target.location.count(),
      target.schedule.count(),
      target.scheduleException.count(),
      target.phone.count(),
      target.contact.count(),
      target.category.count(),
      target.serviceTranslation.count(),
      target.costOption.count(),
      target.outboxMessage.count(),
    ]),
    updatedAt: (await target.service.findMany({ orderBy: { id: 'asc' }, select: { updatedAt: true } })).map((s) => s.updatedAt.toISOString()),
    organizationsUpdatedAt: (await target.organization.findMany({ orderBy: { id: 'asc' }, select: { updatedAt: true } })).map((o) => o.updatedAt.toISOString()),
  };
}

afterAll(async () => {
  for (const extra of extraDatabases) await extra.drop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

let coordinator: Actor;
let member: Actor;
let jsonExport: string;
let csvExport: Uint8Array;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'lisa-hsds-io-'));
  await seedDatabase(db.prisma);
  const protectedLocation = await db.prisma.location.findFirstOrThrow({ where: { isProtected: true }, orderBy: { id: 'asc' } });
  // A protected location that holds an address and a phone by mistake: neither may leave.
  await db.prisma.location.update({
    where: { id: protectedLocation.id },
    data: { addressLine1: PROTECTED_STREET, city: 'Karlskoga', latitude: 59.3271, longitude: 14.5231, description: 'Bakom stationen' },
  });
  await db.prisma.phone.create({ data: { number: PROTECTED_PHONE, locationId: protectedLocation.id } });
  await db.prisma.service.updateMany({ where: { slug: 'arbetstraning-mockelngarden' }, data: { status: 'INACTIVE' } });
  // What the demo data lacks, so the round trip covers it too.
  const service = await db.prisma.service.findFirstOrThrow({ where: { status: 'ACTIVE' }, orderBy: { slug: 'asc' } });
  await db.prisma.costOption.create({
    data: { serviceId: service.id, option: 'Terminsavgift', amount: '150.50', amountDescription: 'per termin', validFrom: new Date('2026-01-01'), validTo: new Date('2026-06-30') },
  });
  await db.prisma.contact.create({
    data: { serviceId: service.id, name: 'Anna Andersson', title: 'Samordnare', email: 'anna@exempel.example', phones: { create: { number: '0586-123 45', kind: 'SMS' } } },
  });
  await db.prisma.schedule.create({ data: { serviceId: service.id, weekday: 5, opensMinute: 1320, closesMinute: 1560, validFrom: new Date('2026-01-01'), description: 'Nattjour, "sent"' } });
  await db.prisma.organizationTranslation.create({ data: { organizationId: service.organizationId, locale: 'fi', name: 'Yhdistys', description: 'Kuvaus, rivi 1\nrivi 2' } });
  await db.prisma.service.update({ where: { id: service.id }, data: { keywords: ['stöd, hjälp', 'samtal'], easyReadSummary: 'Lätt att läsa.' } });

  const coordinatorUser = await db.prisma.membership.findFirstOrThrow({ where: { role: 'COORDINATOR' }, include: { user: true } });
  coordinator = { kind: 'user', userId: coordinatorUser.userId, memberships: [{ organizationId: coordinatorUser.organizationId, role: 'COORDINATOR' }] };
  const memberRow = await db.prisma.membership.findFirstOrThrow({ where: { role: 'MEMBER' } });
  member = { kind: 'user', userId: memberRow.userId, memberships: [{ organizationId: memberRow.organizationId, role: 'MEMBER' }] };

  jsonExport = decode((await exportDirectory(coordinator, 'json')).body);
  csvExport = (await exportDirectory(coordinator, 'csv')).body;
}, 240_000);

describe('exportDirectory', () => {
  it('refuses anyone but the coordinator', async () => {
    await expect(exportDirectory({ kind: 'anonymous' }, 'json')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(exportDirectory(member, 'csv')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('holds every service of every status, organisation and taxonomy in the JSON document', async () => {
    const document = JSON.parse(jsonExport) as Record<string, { id: string; status?: string }[]>;
    expect(document.hsds_version).toBe('3.0');
    expect(document.service ?? []).toHaveLength(await db.prisma.service.count());
    expect(document.organization).toHaveLength(await db.prisma.organization.count());
    expect((document.service ?? []).some((s) => s.status === 'inactive')).toBe(true);
    const termIds = new Set((document.taxonomy_term ?? []).map((t) => t.id));
    for (const c of await db.prisma.category.findMany()) expect(termIds.has(c.id)).toBe(true);
    for (const m of await db.prisma.municipality.findMany()) expect(termIds.has(m.id)).toBe(true);
  });

  it('writes a CSV datapackage: datapackage.json and one CSV per HSDS table, RFC 4180', () => {
    const files = unzipText(csvExport);
    const descriptor = JSON.parse(files['datapackage.json'] ?? '{}') as { resources: { name: string; path: string }[] };
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(Object.keys(files).filter((f) => f.endsWith('.csv')).sort());
    expect(files['service.csv']?.split('\r\n')[0]).toMatch(/^id,organization_id,name,/);
  });

  it('never exports a protected address, its coordinates, description or phones', async () => {
    const files = unzipText(csvExport);
    for (const text of [jsonExport, ...Object.values(files)]) {
      expect(text).not.toContain(PROTECTED_STREET);
      expect(text).not.toContain('59.3271');
      expect(text).not.toContain('Bakom stationen');
      expect(text).not.toContain(PROTECTED_PHONE);
    }
    const document = JSON.parse(jsonExport) as Record<string, Record<string, unknown>[]>;
    const protectedIds = (await db.prisma.location.findMany({ where: { isProtected: true } })).map((l) => l.id);
    for (const id of protectedIds) {
      expect(Object.keys(document.location?.find((l) => l.id === id) ?? {}).sort()).toEqual(['id', 'location_type', 'name', 'organization_id']);
      expect(document.attribute?.some((a) => a.link_id === id && a.taxonomy_term_id === 'lisa-extensions:address_protected')).toBe(true);
      expect(document.address?.some((a) => a.location_id === id)).toBe(false);
    }
  });

  it('gives the same bytes when nothing changed', async () => {
    expect(decode((await buildHsdsExport(db.prisma, 'json')).body)).toBe(jsonExport);
    expect(Buffer.from((await buildHsdsExport(db.prisma, 'csv')).body).equals(Buffer.from(csvExport))).toBe(true);
  });
});

describe('runImport', () => {
  it('round-trips the JSON export through an empty database to the same bytes', async () => {
    const target = await freshDatabase();
    const report = await importFile(target, 'hsds.json', jsonExport);
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('SUCCEEDED');
    expect(report.processed).toBe(report.total);
    expect(decode((await buildHsdsExport(target, 'json')).body)).toBe(jsonExport);
    // The search projection was written with the services.
    expect(await target.serviceSearchDocument.count()).toBe(await target.service.count({ where: { status: 'ACTIVE' } }));
  }, 300_000);

  it('round-trips the CSV datapackage through an empty database to the same bytes, and a second import changes nothing', async () => {
    const target = await freshDatabase();
    const first = await importFile(target, 'hsds-csv.zip', csvExport);
    expect(first.errors).toEqual([]);
    expect(first.status).toBe('SUCCEEDED');
    const again = (await buildHsdsExport(target, 'csv')).body;
    expect(unzipText(again)).toEqual(unzipText(csvExport));
    expect(Buffer.from(again).equals(Buffer.from(csvExport))).toBe(true);

    const before = await directoryState(target);
    const second = await importFile(target, 'hsds-csv.zip', csvExport);
    expect(second.status).toBe('SUCCEEDED');
    for (const [kind, counts] of Object.entries(second.summary ?? {})) {
      expect({ kind, created: counts.created, updated: counts.updated }).toEqual({ kind, created: 0, updated: 0 });
    }
    expect(second.summary?.services.unchanged).toBe(await target.service.count());
    expect(await directoryState(target)).toEqual(before);
  }, 300_000);

  it('imports a folder datapackage and reports progress batch by batch up to the total', async () => {
    const target = await freshDatabase();
    const folder = path.join(workDir, 'package');
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    for (const [name, text] of Object.entries(unzipText(csvExport))) await writeFile(path.join(folder, name), text);
    const runId = await createImportRun(target, { fileName: 'package', format: await detectFormat(folder), createdById: null });
    const progress: number[] = [];
    const report = await runImport(target, runId, folder, { onProgress: (r) => progress.push(r.processed) });
    expect(report.status).toBe('SUCCEEDED');
    expect(progress.at(-1)).toBe(report.total);
    expect(new Set(progress).size).toBeGreaterThan(2);
    const run = await target.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'SUCCEEDED', format: 'HSDS_CSV', processed: report.total, total: report.total });
    expect(run.finishedAt).not.toBeNull();
  }, 300_000);
});

describe('a file from another HSDS publisher', () => {
  it('skips HSDS tables and fields the portal has no place for', async () => {
    const target = await freshDatabase();
    const document = JSON.parse(jsonExport) as Record<string, unknown>;
    const services = document.service as Record<string, unknown>[];
    for (const service of services) service.wait_time = 'En vecka';
    document.program = [{ id: 'program-1', organization_id: services[0]?.organization_id, name: 'Program', description: 'Ett program' }];
    const report = await importFile(target, 'annan.json', JSON.stringify(document));
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('SUCCEEDED');
    expect(decode((await buildHsdsExport(target, 'json')).body)).toBe(jsonExport);
  }, 300_000);
});

describe('a broken file', () => {
  function brokenPackage(): Uint8Array {
    const files = unzipText(csvExport);
    const serviceLines = (files['service.csv'] ?? '').split('\r\n');
    // Row 2: the first service loses its name (the third column).
    const cells = (serviceLines[1] ?? '').split(',');
    cells[2] = '';
    serviceLines[1] = cells.join(',');
    files['service.csv'] = serviceLines.join('\r\n');
    // A cost option valid from a date that does not exist.
    files['cost_option.csv'] = (files['cost_option.csv'] ?? '').replace(',2026-01-01,', ',2026-02-30,');
    // A category nobody knows.
    const attributeLines = (files['attribute.csv'] ?? '').split('\r\n');
    const categoryLine = attributeLines.findIndex((l) => l.includes(',category,service,'));
    attributeLines[categoryLine] = (attributeLines[categoryLine] ?? '').replace(/^([^,]*),([^,]*),([^,]*),/, '$1,$2,okand-kategori,');
    files['attribute.csv'] = attributeLines.join('\r\n');
    const encoded = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]));
    // Latin-1 bytes in a contact name: not UTF-8.
    const organizationId = (JSON.parse(jsonExport) as { organization: { id: string }[] }).organization[0]?.id ?? '';
    const contacts = new TextEncoder().encode(`${files['contact.csv'] ?? ''}broken-contact,${organizationId},,K`);
    encoded['contact.csv'] = new Uint8Array([...contacts, 0xe5, 0x72, 0x65, 0x2c, 0x2c, 0x2c, 0x0d, 0x0a]);
    return zipSync(encoded);
  }

  it('writes nothing and lists every error with its file, row and field', async () => {
    const target = await freshDatabase();
    const before = await directoryState(target);
    const report = await importFile(target, 'trasig.zip', brokenPackage());
    expect(report.status).toBe('REJECTED');
    expect(await directoryState(target)).toEqual(before);
    const errors = report.errors;
    expect(errors).toHaveLength(4);
    expect(errors).toContainEqual(expect.objectContaining({ file: 'service.csv', row: 2, field: 'name' }));
    expect(errors).toContainEqual(expect.objectContaining({ file: 'cost_option.csv', row: 2, field: 'valid_from', message: 'must be a date as YYYY-MM-DD' }));
    expect(errors).toContainEqual(expect.objectContaining({ file: 'attribute.csv', field: 'taxonomy_term_id', message: 'unknown category okand-kategori' }));
    const brokenContactRow = (unzipText(csvExport)['contact.csv'] ?? '').split('\r\n').filter(Boolean).length + 1;
    expect(errors).toContainEqual(expect.objectContaining({ file: 'contact.csv', row: brokenContactRow, message: expect.stringContaining('UTF-8') }));
    const run = await target.importRun.findFirstOrThrow({ where: { fileName: 'trasig.zip' } });
    expect(run.status).toBe('REJECTED');
    expect(run.errors).toEqual(errors);
  }, 300_000);

  it('refuses a JSON document with a missing name and a bad date, naming the table and row', async () => {
    const target = await freshDatabase();
    const document = JSON.parse(jsonExport) as Record<string, Record<string, unknown>[]>;
    const services = document.service ?? [];
    if (services[0]) delete services[0].name;
    if (services[1]) services[1].last_modified = 'igår';
    const report = await importFile(target, 'hsds.json', JSON.stringify(document));
    expect(report.status).toBe('REJECTED');
    expect(report.errors).toContainEqual({ file: 'hsds.json › service', row: 1, field: 'name', message: 'is required' });
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'hsds.json › service', row: 2, field: 'last_modified' }));
    expect(await target.service.count()).toBe(0);
  }, 300_000);

  it('refuses a protected location that carries an address', async () => {
    const target = await freshDatabase();
    const document = JSON.parse(jsonExport) as Record<string, Record<string, unknown>[]>;
    const protectedId = (document.attribute ?? []).find((a) => a.taxonomy_term_id === 'lisa-extensions:address_protected')?.link_id;
    document.address?.push({ id: 'leak', location_id: protectedId, address_1: 'Gatan 1', city: 'Karlskoga', state_province: 'Örebro län', postal_code: '691 00', country: 'SE', address_type: 'physical' });
    const report = await importFile(target, 'hsds.json', JSON.stringify(document));
    expect(report.status).toBe('REJECTED');
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'hsds.json › address', field: 'location_id', message: 'a protected location must not have an address' }));
    expect(await target.location.count()).toBe(0);
  }, 300_000);
});

describe('a generated directory of 1,000 services', () => {
  it('imports from a CSV zip with progress batch by batch up to the total', async () => {
    const target = await freshDatabase();
    const report = await importFile(target, 'generated.zip', generatedCsvZip(1000));
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('SUCCEEDED');
    expect(await target.service.count()).toBe(1000);
    expect(report.processed).toBe(report.total);
    // Five batches of 200 services, each reported as it is committed.
    const serviceProgress = report.progress.filter((p, i, all) => p > 0 && p !== all[i - 1]);
    expect(serviceProgress.length).toBeGreaterThanOrEqual(8);
    expect(report.progress.at(-1)).toBe(report.total);
  }, 300_000);
});

describe('startHsdsImport', () => {
  const upload = (name: string, text: string | Uint8Array) => ({ name, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });
  const runState = async () => [await db.prisma.importRun.count(), await db.prisma.auditLog.count({ where: { action: 'hsds.import.start' } })];

  it('refuses anyone but the coordinator and records nothing', async () => {
    const before = await runState();
    await expect(startHsdsImport({ kind: 'anonymous' }, upload('hsds.json', jsonExport))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(startHsdsImport(member, upload('hsds.json', jsonExport))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getImportRun(member, 'anything')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listImportRuns(member)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await runState()).toEqual(before);
  });

  it('refuses an empty file, a file of another type and a file over 30 MB with INVALID_INPUT', async () => {
    const before = await runState();
    await expect(startHsdsImport(coordinator, upload('', ''))).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { file: ['fileMissing'] } });
    await expect(startHsdsImport(coordinator, upload('bild.png', 'PNG'))).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { file: ['fileType'] } });
    await expect(startHsdsImport(coordinator, upload('hsds.zip', '{"not": "a zip"}'))).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { file: ['fileType'] } });
    await expect(startHsdsImport(coordinator, upload('hsds.json', new Uint8Array(MAX_UPLOAD_BYTES + 1)))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { file: ['fileTooLarge'] },
    });
    expect(await runState()).toEqual(before);
  });

  it('starts a run that performHsdsImport completes, refusing a second one meanwhile', async () => {
    const started = await startHsdsImport(coordinator, upload('hsds.json', jsonExport));
    await expect(startHsdsImport(coordinator, upload('hsds.json', jsonExport))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await getImportRun(coordinator, started.runId)).toMatchObject({ status: 'VALIDATING', isRunning: true, fileName: 'hsds.json' });

    await performHsdsImport(started.runId, started.filePath, null);
    const run = await getImportRun(coordinator, started.runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', isRunning: false, errors: [] });
    expect(run.summary?.services).toEqual({ created: 0, updated: 0, unchanged: await db.prisma.service.count() });
    // What the export withheld of protected locations is not taken for "none": it stays as it was.
    expect(run.summary?.locations).toEqual({ created: 0, updated: 0, unchanged: await db.prisma.location.count() });
    expect(await db.prisma.location.count({ where: { isProtected: true, addressLine1: PROTECTED_STREET } })).toBe(1);
    await expect(access(started.filePath)).rejects.toThrow();
    expect((await listImportRuns(coordinator))[0]).toMatchObject({ id: started.runId, status: 'SUCCEEDED' });
    expect(await db.prisma.auditLog.count({ where: { action: 'hsds.import', entityId: started.runId } })).toBe(1);
  }, 300_000);
});
