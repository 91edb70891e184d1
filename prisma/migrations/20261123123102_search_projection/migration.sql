-- CreateTable
CREATE TABLE "ServiceSearchDocument" (
    "serviceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "searchVector" tsvector,
    "categories" TEXT[],
    "municipalities" TEXT[],
    "targetGroups" TEXT[],
    "languages" TEXT[],
    "attributes" TEXT[],
    "openSlots" INTEGER[],
    "freshness" INTEGER NOT NULL,
    "document" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceSearchDocument_pkey" PRIMARY KEY ("serviceId")
);

-- CreateIndex
CREATE INDEX "ServiceSearchDocument_searchVector_idx" ON "ServiceSearchDocument" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ServiceSearchDocument_searchText_idx" ON "ServiceSearchDocument" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ServiceSearchDocument_categories_idx" ON "ServiceSearchDocument" USING GIN ("categories");

-- CreateIndex
CREATE INDEX "ServiceSearchDocument_municipalities_idx" ON "ServiceSearchDocument" USING GIN ("municipalities");

-- CreateIndex
CREATE INDEX "ServiceSearchDocument_openSlots_idx" ON "ServiceSearchDocument" USING GIN ("openSlots");

-- AddForeignKey
ALTER TABLE "ServiceSearchDocument" ADD CONSTRAINT "ServiceSearchDocument_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
