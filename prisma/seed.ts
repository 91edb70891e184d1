/** `npm run db:seed`: writes the demo data into DATABASE_URL (idempotent). */
import { connectDb } from '../lib/db/client';
import { getEnv } from '../lib/env';
import { seedDatabase } from './seed/index';

export { seedDatabase };

async function main() {
  const handle = await connectDb(getEnv().DATABASE_URL);
  try {
    const created = await seedDatabase(handle.prisma);
    const entries = Object.entries(created);
    console.log(entries.length ? `Seeded: ${entries.map(([k, n]) => `${n} ${k}`).join(', ')}` : 'Demo data already present; nothing changed.');
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
