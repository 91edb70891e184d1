-- AlterTable
ALTER TABLE "NewsPost" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "NewsPost_searchVector_idx" ON "NewsPost" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "NewsPost_searchText_idx" ON "NewsPost" USING GIN ("searchText" gin_trgm_ops);

-- Posts written before this migration: the same folded text the application writes.
UPDATE "NewsPost" p
SET "searchText" = lower(unaccent(concat_ws(' ', p."title", p."summary",
      (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(p."body", 'strict $.**.text') AS t), o."name")))
FROM "Organization" o
WHERE o."id" = p."organizationId";

UPDATE "NewsPost" SET "searchVector" = to_tsvector('simple', "searchText");
