-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('ADIL', 'ASSOCIATION', 'DEPARTEMENT', 'STATE', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('SOCIAL_WORKER', 'JURIST', 'COORDINATOR', 'ADMIN', 'FUNDER_VIEWER');

-- CreateEnum
CREATE TYPE "OccupantRole" AS ENUM ('TENANT', 'CO_TENANT', 'OTHER');

-- CreateEnum
CREATE TYPE "LandlordKind" AS ENUM ('PRIVATE_PERSON', 'AGENCY', 'LEGAL_PERSON', 'FAMILY_SCI', 'SOCIAL');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('IDENTIFIED', 'FIRST_LETTER_SENT', 'VISIT_1_FAILED', 'VISIT_2_FAILED', 'REMINDER_SENT', 'SUPPORTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseSource" AS ENUM ('PREFECTURE_LIST', 'CCAPEX', 'MANUAL', 'PARTNER_REFERRAL');

-- CreateEnum
CREATE TYPE "ProcedureStage" AS ENUM ('COMMANDEMENT_DE_PAYER', 'CCAPEX_REFERRAL', 'ASSIGNATION', 'PREFET_NOTIFICATION', 'DSF', 'HEARING', 'JUDGMENT', 'JUDGMENT_SERVED', 'COMMANDEMENT_QUITTER_LIEUX', 'CQL_REFERRED_TO_PREFET', 'JEX_DELAY', 'FORCE_PUBLIQUE_REQUEST', 'FORCE_PUBLIQUE_GRANTED', 'EVICTION');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('ALREADY_FOLLOWED', 'SUPPORT_COMPLETED', 'REFERRED_TO_MDS', 'DEBT_PAID_OFF', 'DECLINED_TO_CONTINUE', 'LEFT_DWELLING', 'NOT_AT_ADDRESS', 'NO_CONTACT');

-- CreateEnum
CREATE TYPE "JudgmentDecision" AS ENUM ('LEASE_TERMINATED', 'TERMINATION_SUSPENDED_WITH_PLAN', 'CLAIM_DISMISSED', 'POSTPONED', 'OTHER');

-- CreateEnum
CREATE TYPE "OutreachKind" AS ENUM ('LETTER_TENANT', 'LETTER_LANDLORD', 'SMS', 'EMAIL', 'PHONE_CALL', 'VISIT', 'REMINDER', 'HOUSEHOLD_CONTACT', 'LANDLORD_CONTACT', 'CLOSURE', 'REOPENING');

-- CreateEnum
CREATE TYPE "VisitOutcome" AS ENUM ('MET', 'ABSENT', 'REFUSED', 'MOVED_OUT', 'NOT_AT_ADDRESS');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'MAIL', 'EMAIL', 'SMS', 'VISIT', 'OFFICE', 'PARTNER');

-- CreateEnum
CREATE TYPE "DiagnosticKind" AS ENUM ('FLASH', 'IN_DEPTH');

-- CreateEnum
CREATE TYPE "SupportOutcome" AS ENUM ('COMPLETED', 'REFERRED', 'DECLINED', 'LEFT', 'OTHER');

-- CreateEnum
CREATE TYPE "AidKind" AS ENUM ('APL', 'FSL', 'DALO', 'DLS', 'OVER_INDEBTEDNESS', 'COLLECTIVE_AGREEMENT', 'ENERGY_AID', 'DISABILITY_BENEFIT', 'LEGAL_AID', 'MDS_REFERRAL', 'DELAY_TO_PAY', 'DELAY_TO_LEAVE', 'JEX_REFERRAL', 'OTHER');

-- CreateEnum
CREATE TYPE "AidStatus" AS ENUM ('TO_DO', 'FILED', 'GRANTED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "BillableAct" AS ENUM ('FLASH_DIAGNOSTIC', 'IN_DEPTH_DIAGNOSTIC', 'SUPPORT_WEEK');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departement" TEXT NOT NULL,
    "territory" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamOrganisation" (
    "teamId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,

    CONSTRAINT "TeamOrganisation_pkey" PRIMARY KEY ("teamId","organisationId")
);

-- CreateTable
CREATE TABLE "Sector" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Sector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "organisationId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMembership" (
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "TeamMembership_pkey" PRIMARY KEY ("userId","teamId")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "addressLine" TEXT NOT NULL,
    "addressExtra" TEXT,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "sortName" TEXT NOT NULL DEFAULT '',
    "anonymisedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Occupant" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "role" "OccupantRole" NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthYear" INTEGER,
    "isChild" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Occupant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Landlord" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "LandlordKind" NOT NULL,
    "name" TEXT NOT NULL,
    "addressLine" TEXT,
    "postcode" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Landlord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lease" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "landlordId" TEXT NOT NULL,
    "signedOn" DATE,
    "rentCents" INTEGER NOT NULL,
    "chargesCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "leaseId" TEXT,
    "sectorId" TEXT,
    "state" "CaseState" NOT NULL DEFAULT 'IDENTIFIED',
    "stage" "ProcedureStage",
    "hearingOn" DATE,
    "assignedWorkerId" TEXT,
    "assignedJuristId" TEXT,
    "source" "CaseSource" NOT NULL DEFAULT 'MANUAL',
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,
    "closureReason" "ClosureReason",
    "supported" BOOLEAN NOT NULL DEFAULT false,
    "firstContactOn" DATE,
    "eligible" BOOLEAN NOT NULL DEFAULT true,
    "eligibilityNote" TEXT,
    "debtCents" INTEGER,
    "debtOn" DATE,
    "procedureRef" TEXT,
    "courtName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcedureEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "stage" "ProcedureStage" NOT NULL,
    "date" DATE NOT NULL,
    "reference" TEXT,
    "courtName" TEXT,
    "householdPresent" BOOLEAN,
    "juristPresent" BOOLEAN,
    "decision" "JudgmentDecision",
    "delayMonths" INTEGER,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcedureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutreachEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "OutreachKind" NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "fromState" "CaseState" NOT NULL,
    "toState" "CaseState" NOT NULL,
    "visitOutcome" "VisitOutcome",
    "noticeLeft" BOOLEAN,
    "indecentHousing" BOOLEAN,
    "jointVisit" BOOLEAN NOT NULL DEFAULT false,
    "channel" "ContactChannel",
    "closureReason" "ClosureReason",
    "dueOn" DATE,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutreachEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Diagnostic" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "DiagnosticKind" NOT NULL,
    "doneOn" DATE NOT NULL,
    "jointVisit" BOOLEAN NOT NULL DEFAULT false,
    "adults" INTEGER,
    "children" INTEGER,
    "resources" JSONB,
    "charges" JSONB,
    "rentCents" INTEGER,
    "housingBenefitCents" INTEGER,
    "debtsCents" INTEGER,
    "housingCondition" TEXT,
    "wishes" TEXT,
    "analysis" TEXT,
    "recommendations" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Diagnostic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportPeriod" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "outcome" "SupportOutcome",

    CONSTRAINT "SupportPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportWeek" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "weekOf" DATE NOT NULL,
    "actions" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportWeek_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidRequest" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "AidKind" NOT NULL,
    "status" "AidStatus" NOT NULL DEFAULT 'TO_DO',
    "amountCents" INTEGER,
    "filedOn" DATE,
    "decidedOn" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AidRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RentLedgerLine" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "rentDueCents" INTEGER NOT NULL,
    "chargesDueCents" INTEGER NOT NULL DEFAULT 0,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "housingBenefitCents" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,

    CONSTRAINT "RentLedgerLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunderAgreement" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "funderName" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "advanceShareBp" INTEGER NOT NULL DEFAULT 6000,
    "advanceReceivedCents" INTEGER NOT NULL DEFAULT 0,
    "maxSupportWeeks" INTEGER NOT NULL DEFAULT 8,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FunderAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FunderRate" (
    "agreementId" TEXT NOT NULL,
    "act" "BillableAct" NOT NULL,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "FunderRate_pkey" PRIMARY KEY ("agreementId","act")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "caseId" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    CONSTRAINT "AccessLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Sector_teamId_name_key" ON "Sector"("teamId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "TeamMembership_teamId_idx" ON "TeamMembership"("teamId");

-- CreateIndex
CREATE INDEX "Household_teamId_sortName_idx" ON "Household"("teamId", "sortName");

-- CreateIndex
CREATE INDEX "Occupant_householdId_idx" ON "Occupant"("householdId");

-- CreateIndex
CREATE INDEX "Landlord_teamId_searchText_idx" ON "Landlord"("teamId", "searchText");

-- CreateIndex
CREATE INDEX "Lease_landlordId_idx" ON "Lease"("landlordId");

-- CreateIndex
CREATE INDEX "Lease_householdId_idx" ON "Lease"("householdId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_number_key" ON "Case"("number");

-- CreateIndex
CREATE INDEX "Case_teamId_state_idx" ON "Case"("teamId", "state");

-- CreateIndex
CREATE INDEX "Case_teamId_sectorId_idx" ON "Case"("teamId", "sectorId");

-- CreateIndex
CREATE INDEX "Case_teamId_assignedWorkerId_idx" ON "Case"("teamId", "assignedWorkerId");

-- CreateIndex
CREATE INDEX "Case_teamId_hearingOn_idx" ON "Case"("teamId", "hearingOn");

-- CreateIndex
CREATE INDEX "Case_householdId_idx" ON "Case"("householdId");

-- CreateIndex
CREATE INDEX "Case_procedureRef_idx" ON "Case"("procedureRef");

-- CreateIndex
CREATE INDEX "ProcedureEvent_caseId_date_idx" ON "ProcedureEvent"("caseId", "date");

-- CreateIndex
CREATE INDEX "ProcedureEvent_stage_date_idx" ON "ProcedureEvent"("stage", "date");

-- CreateIndex
CREATE INDEX "OutreachEvent_caseId_occurredAt_idx" ON "OutreachEvent"("caseId", "occurredAt");

-- CreateIndex
CREATE INDEX "OutreachEvent_kind_occurredAt_idx" ON "OutreachEvent"("kind", "occurredAt");

-- CreateIndex
CREATE INDEX "Diagnostic_caseId_idx" ON "Diagnostic"("caseId");

-- CreateIndex
CREATE INDEX "Diagnostic_doneOn_idx" ON "Diagnostic"("doneOn");

-- CreateIndex
CREATE INDEX "SupportPeriod_caseId_idx" ON "SupportPeriod"("caseId");

-- CreateIndex
CREATE INDEX "SupportWeek_weekOf_idx" ON "SupportWeek"("weekOf");

-- CreateIndex
CREATE UNIQUE INDEX "SupportWeek_periodId_weekOf_key" ON "SupportWeek"("periodId", "weekOf");

-- CreateIndex
CREATE INDEX "AidRequest_caseId_idx" ON "AidRequest"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "RentLedgerLine_caseId_month_key" ON "RentLedgerLine"("caseId", "month");

-- CreateIndex
CREATE INDEX "FunderAgreement_teamId_periodStart_idx" ON "FunderAgreement"("teamId", "periodStart");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_caseId_at_idx" ON "AuditLog"("caseId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_userId_at_idx" ON "AuditLog"("userId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_caseId_at_idx" ON "AccessLog"("caseId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_userId_at_idx" ON "AccessLog"("userId", "at");

-- AddForeignKey
ALTER TABLE "TeamOrganisation" ADD CONSTRAINT "TeamOrganisation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamOrganisation" ADD CONSTRAINT "TeamOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sector" ADD CONSTRAINT "Sector_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMembership" ADD CONSTRAINT "TeamMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Occupant" ADD CONSTRAINT "Occupant_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Landlord" ADD CONSTRAINT "Landlord_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lease" ADD CONSTRAINT "Lease_landlordId_fkey" FOREIGN KEY ("landlordId") REFERENCES "Landlord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_leaseId_fkey" FOREIGN KEY ("leaseId") REFERENCES "Lease"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_sectorId_fkey" FOREIGN KEY ("sectorId") REFERENCES "Sector"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedWorkerId_fkey" FOREIGN KEY ("assignedWorkerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_assignedJuristId_fkey" FOREIGN KEY ("assignedJuristId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureEvent" ADD CONSTRAINT "ProcedureEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcedureEvent" ADD CONSTRAINT "ProcedureEvent_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachEvent" ADD CONSTRAINT "OutreachEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutreachEvent" ADD CONSTRAINT "OutreachEvent_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnostic" ADD CONSTRAINT "Diagnostic_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Diagnostic" ADD CONSTRAINT "Diagnostic_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportPeriod" ADD CONSTRAINT "SupportPeriod_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportWeek" ADD CONSTRAINT "SupportWeek_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "SupportPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportWeek" ADD CONSTRAINT "SupportWeek_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AidRequest" ADD CONSTRAINT "AidRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RentLedgerLine" ADD CONSTRAINT "RentLedgerLine_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunderAgreement" ADD CONSTRAINT "FunderAgreement_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FunderRate" ADD CONSTRAINT "FunderRate_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "FunderAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLog" ADD CONSTRAINT "AccessLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessLog" ADD CONSTRAINT "AccessLog_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
