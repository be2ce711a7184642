/*
  Warnings:

  - A unique constraint covering the columns `[invitationTokenHash]` on the table `User` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "invitationExpiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "invitationTokenHash" TEXT,
ADD COLUMN     "invitedById" TEXT,
ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpSecretEnc" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_invitationTokenHash_key" ON "User"("invitationTokenHash");
