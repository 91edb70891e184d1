-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('HSDS_JSON', 'HSDS_CSV');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATING', 'REJECTED', 'IMPORTING', 'SUCCEEDED', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationType" ADD VALUE 'LISTING_STALE';
ALTER TYPE "NotificationType" ADD VALUE 'PROPOSAL_SUBMITTED';
ALTER TYPE "NotificationType" ADD VALUE 'PROPOSAL_REVIEWED';
ALTER TYPE "NotificationType" ADD VALUE 'CORRECTION_SUBMITTED';

-- AlterTable
ALTER TABLE "CorrectionSuggestion" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'sv',
ADD COLUMN     "repliedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "format" "ImportFormat" NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'VALIDATING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "summary" JSONB,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_createdAt_idx" ON "ImportRun"("createdAt");

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
