/*
  Warnings:

  - A unique constraint covering the columns `[calendarTokenHash]` on the table `User` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('MDS', 'CCAS', 'ADIL', 'CAF', 'FSL', 'BANQUE_DE_FRANCE', 'FAP_ASSOCIATION', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsentKind" AS ENUM ('ORAL', 'SIGNED', 'NONE');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('SENT', 'APPOINTMENT', 'RECEIVED', 'NO_FOLLOW_UP');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarTokenCreatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "calendarTokenHash" TEXT,
ADD COLUMN     "digestLastSentOn" DATE,
ADD COLUMN     "digestOptIn" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine" TEXT,
    "postcode" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "openingHours" TEXT,
    "communes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "communeKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "contactName" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "referredOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "shared" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "consent" "ConsentKind" NOT NULL,
    "consentOn" DATE,
    "consentCollectedBy" TEXT,
    "status" "ReferralStatus" NOT NULL DEFAULT 'SENT',
    "appointmentOn" DATE,
    "followUpOn" DATE,
    "followUpNote" TEXT,
    "emailedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdSheetTemplate" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "blocks" JSONB NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdSheetTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Partner_teamId_kind_idx" ON "Partner"("teamId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_teamId_kind_name_key" ON "Partner"("teamId", "kind", "name");

-- CreateIndex
CREATE INDEX "Referral_caseId_referredOn_idx" ON "Referral"("caseId", "referredOn");

-- CreateIndex
CREATE INDEX "Referral_teamId_status_referredOn_idx" ON "Referral"("teamId", "status", "referredOn");

-- CreateIndex
CREATE INDEX "Referral_teamId_referredOn_idx" ON "Referral"("teamId", "referredOn");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdSheetTemplate_teamId_version_key" ON "HouseholdSheetTemplate"("teamId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdSheetTemplate" ADD CONSTRAINT "HouseholdSheetTemplate_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdSheetTemplate" ADD CONSTRAINT "HouseholdSheetTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
