import { describe, expect, it } from 'vitest';
import { readMigrationFolders } from '@/lib/db/migrations';
import { createTestDatabase, useTestDatabase } from '../helpers/db';

describe('useTestDatabase', () => {
  const db = useTestDatabase();

  it('gives the file a database with every migration applied', async () => {
    const tables = await db.prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`;
    expect(Number(tables[0]?.n)).toBeGreaterThan(0);
    expect(readMigrationFolders().length).toBeGreaterThan(0);
  });
});

describe('createTestDatabase', () => {
  it('gives each caller its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      await a.prisma.$executeRawUnsafe('CREATE TABLE only_in_a (id int)');
      const inB = await b.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'only_in_a'`;
      expect(Number(inB[0]?.n)).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
