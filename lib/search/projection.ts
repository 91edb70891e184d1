/**
 * Keeping search true to the database. Every change to a service calls `recordServiceChanges`
 * inside the transaction that makes the change: the PostgreSQL projection (the fallback
 * engine's table) is rewritten there and then, and an outbox row tells the worker to bring
 * Meilisearch along (lib/search/outbox.ts). A crash between the two cannot lose a change.
 */
import type { Db } from '@/lib/db/client';
import { foldText, loadSearchDocuments, trigramTextOf, type SearchDocument } from './document';

/** The client or a transaction's client: what a mutation has in hand. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export const SERVICE_INDEX_TOPIC = 'search.service';
/** The index settings changed (a migration may write one): the worker pushes them again. */
export const SEARCH_SETTINGS_TOPIC = 'search.settings';

const joined = (values: (string | null | undefined)[]) => foldText(values.filter(Boolean).join(' '));

/** Writes (or removes) the projection rows of these services from what the database holds now. */
export async function writeSearchProjection(tx: Tx, serviceIds: string[], now = new Date()): Promise<SearchDocument[]> {
  if (serviceIds.length === 0) return [];
  const documents = await loadSearchDocuments(tx, serviceIds, now);
  const searchable = new Set(documents.map((d) => d.id));
  const gone = serviceIds.filter((id) => !searchable.has(id));
  if (gone.length > 0) await tx.serviceSearchDocument.deleteMany({ where: { serviceId: { in: gone } } });
  for (const doc of documents) {
    // Weights: A names and the words residents use, B summaries, C descriptions and context,
    // D translations. Text is folded (unaccent) so "vald" and "våld" meet.
    await tx.$executeRaw`
      INSERT INTO "ServiceSearchDocument" ("serviceId", "slug", "name", "searchText", "searchVector", "categories",
        "municipalities", "targetGroups", "languages", "attributes", "openSlots", "freshness", "document", "updatedAt")
      VALUES (${doc.id}, ${doc.slug}, ${doc.name}, ${trigramTextOf(doc)},
        setweight(to_tsvector('swedish', ${joined([doc.name, doc.alternateName, ...doc.keywords, ...doc.categoryNames])}), 'A') ||
        setweight(to_tsvector('swedish', ${joined([doc.summary, doc.easyReadSummary, ...doc.targetGroupNames])}), 'B') ||
        setweight(to_tsvector('swedish', ${joined([doc.description, doc.organizationName, ...doc.municipalityNames])}), 'C') ||
        setweight(to_tsvector('simple', ${joined([doc.name_en, doc.summary_en, doc.description_en, doc.name_ar, doc.summary_ar, doc.description_ar])}), 'D'),
        ${doc.categories}, ${doc.municipalities}, ${doc.targetGroups}, ${doc.languages}, ${doc.attributes}, ${doc.openSlots},
        ${doc.freshness}, ${JSON.stringify(doc)}::jsonb, ${now})
      ON CONFLICT ("serviceId") DO UPDATE SET
        "slug" = EXCLUDED."slug", "name" = EXCLUDED."name", "searchText" = EXCLUDED."searchText",
        "searchVector" = EXCLUDED."searchVector", "categories" = EXCLUDED."categories",
        "municipalities" = EXCLUDED."municipalities", "targetGroups" = EXCLUDED."targetGroups",
        "languages" = EXCLUDED."languages", "attributes" = EXCLUDED."attributes", "openSlots" = EXCLUDED."openSlots",
        "freshness" = EXCLUDED."freshness", "document" = EXCLUDED."document", "updatedAt" = EXCLUDED."updatedAt"`;
  }
  return documents;
}

/**
 * The one call every change to services makes, inside its transaction: the projection now,
 * Meilisearch through the outbox.
 */
export async function recordServiceChanges(tx: Tx, serviceIds: string[]): Promise<void> {
  const ids = [...new Set(serviceIds)];
  if (ids.length === 0) return;
  await writeSearchProjection(tx, ids);
  await tx.outboxMessage.createMany({
    data: ids.map((id) => ({ topic: SERVICE_INDEX_TOPIC, aggregateType: 'Service', aggregateId: id })),
  });
}

/** Rebuilds the whole projection from the database (seed, restore, or after a data fix). */
export async function rebuildSearchProjection(db: Db, batchSize = 500): Promise<number> {
  const ids = (await db.service.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
  await db.serviceSearchDocument.deleteMany({ where: { serviceId: { notIn: ids } } });
  for (let i = 0; i < ids.length; i += batchSize) await writeSearchProjection(db, ids.slice(i, i + batchSize));
  return db.serviceSearchDocument.count();
}
