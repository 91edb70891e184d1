-- AlterTable
ALTER TABLE "SearchSynonym" ADD COLUMN     "categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "isDefault" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "topic" TEXT NOT NULL DEFAULT '';

-- The thesaurus is now applied in the portal's query layer, so the Meilisearch index no longer
-- carries synonyms: ask the worker to push the index settings again.
INSERT INTO "OutboxMessage" ("topic", "aggregateType", "aggregateId") VALUES ('search.settings', 'SearchSettings', 'services');
