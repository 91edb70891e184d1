import { connectDb } from '../../lib/db/client';
import { deployMigrations } from '../../lib/db/migrations';
import { seedDatabase } from '../../prisma/seed';

export interface PreparedDatabase {
  applied: string[];
  seedSummary: Awaited<ReturnType<typeof seedDatabase>>;
}

/**
 * Migrates and seeds the database at `url`, then closes every connection: PGlite allows one
 * process per data folder, so the server may only open it after this returns.
 */
export async function prepareDatabase(url: string): Promise<PreparedDatabase> {
  const applied = await deployMigrations(url);
  const db = await connectDb(url);
  try {
    const seedSummary = await seedDatabase(db.prisma);
    return { applied, seedSummary };
  } finally {
    await db.close();
  }
}
