-- AlterTable
ALTER TABLE "PendingUpload" ADD COLUMN     "parsed" JSONB;
