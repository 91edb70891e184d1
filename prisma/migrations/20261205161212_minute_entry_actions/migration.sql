-- AlterTable
ALTER TABLE "MinuteEntry" ADD COLUMN     "actionDescription" TEXT,
ADD COLUMN     "actionFollowUpAt" DATE,
ADD COLUMN     "actionOwnerOrganizationId" TEXT;

-- AddForeignKey
ALTER TABLE "MinuteEntry" ADD CONSTRAINT "MinuteEntry_actionOwnerOrganizationId_fkey" FOREIGN KEY ("actionOwnerOrganizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
