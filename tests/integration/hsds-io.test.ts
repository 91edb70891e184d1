/**
 * HSDS import and export (lib/directory/hsds-io): the demo directory out as JSON and as a CSV
 * datapackage, into an empty database, and out again byte for byte; protected addresses never
 * leave; a second import changes nothing; a broken file writes nothing and names every error.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/authz/actor';
import { buildHsdsExport, exportDirectory } from '@/lib/directory/hsds-io/export';
import { seedDatabase } from '@/prisma/seed/index';
import { useTestDatabase } from '../helpers/db';

const db = useTestDatabase();

const PROTECTED_STREET = 'Hemliggatan 13';
const PROTECTED_PHONE = '0586-999 99 99';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const unzipText = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decode(data)]));

let coordinator: Actor;
let member: Actor;
let jsonExport: string;
let csvExport: Uint8Array;

beforeAll(async () => {
  await seedDatabase(db.prisma);
  const protectedLocation = await db.prisma.location.findFirstOrThrow({ where: { isProtected: true }, orderBy: { id: 'asc' } });
  // A protected location that holds an address and a phone by mistake: neither may leave.
  await db.prisma.location.update({
    where: { id: protectedLocation.id },
    data: { addressLine1: PROTECTED_STREET, city: 'Karlskoga', latitude: 59.3271, longitude: 14.5231, description: 'Bakom stationen' },
  });
  await db.prisma.phone.create({ data: { number: PROTECTED_PHONE, locationId: protectedLocation.id } });
  await db.prisma.service.updateMany({ where: { slug: 'arbetstraning-mockelngarden' }, data: { status: 'INACTIVE' } });

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
    expect(document.service).toHaveLength(await db.prisma.service.count());
    expect(document.organization).toHaveLength(await db.prisma.organization.count());
    expect(document.service.some((s) => s.status === 'inactive')).toBe(true);
    const termIds = new Set(document.taxonomy_term.map((t) => t.id));
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
