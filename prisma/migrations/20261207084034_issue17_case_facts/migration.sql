-- CreateTable
CREATE TABLE "CaseFacts" (
    "caseId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "sectorId" TEXT,
    "landlordId" TEXT,
    "landlordKind" "LandlordKind",
    "openedOn" DATE NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "supported" BOOLEAN NOT NULL,
    "firstContactOn" DATE,
    "firstLetterAt" TIMESTAMPTZ(3),
    "visits" INTEGER NOT NULL DEFAULT 0,
    "firstVisitAt" TIMESTAMPTZ(3),
    "jointVisitAt" TIMESTAMPTZ(3),
    "landlordLetterAt" TIMESTAMPTZ(3),
    "landlordContactAt" TIMESTAMPTZ(3),
    "lastEventAt" TIMESTAMPTZ(3),
    "state" "CaseState" NOT NULL DEFAULT 'IDENTIFIED',
    "closedOn" DATE,
    "closureReason" "ClosureReason",
    "supportStartedOn" DATE,
    "supportEndedOn" DATE,
    "flashDiagnosticDays" DATE[],
    "inDepthDiagnosticDays" DATE[],
    "jointDiagnosticOn" DATE,
    "supportWeekDays" DATE[],
    "firstHearingOn" DATE,
    "presentHearingOn" DATE,
    "juristHearingOn" DATE,

    CONSTRAINT "CaseFacts_pkey" PRIMARY KEY ("caseId")
);

-- CreateIndex
CREATE INDEX "CaseFacts_teamId_openedOn_idx" ON "CaseFacts"("teamId", "openedOn");

-- AddForeignKey
ALTER TABLE "CaseFacts" ADD CONSTRAINT "CaseFacts_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ───────────────────────────── Facts kept by the database (issue 17, decision 035)
-- CaseFacts is never written by the application. Every statement that changes
-- a case, its lease or landlord, its outreach or procedure events, its
-- diagnostics or its support recomputes the facts rows of the cases it
-- touched, in the same transaction, through the statement-level triggers
-- below (transition tables: one recomputation per statement, so a bulk import
-- of 5 000 events costs one set-based refresh, not 5 000).
-- The reference for these columns is lib/domain/indicators/facts.ts
-- (caseFactsOf); tests/integration/case-facts.test.ts checks that both agree.

CREATE FUNCTION maintien_refresh_case_facts(ids TEXT[]) RETURNS void
LANGUAGE sql AS $fn$
  INSERT INTO "CaseFacts" AS f (
    "caseId", "teamId", "sectorId", "landlordId", "landlordKind", "openedOn", "eligible", "supported", "firstContactOn",
    "firstLetterAt", "visits", "firstVisitAt", "jointVisitAt", "landlordLetterAt", "landlordContactAt", "lastEventAt",
    "state", "closedOn", "closureReason", "supportStartedOn", "supportEndedOn",
    "flashDiagnosticDays", "inDepthDiagnosticDays", "jointDiagnosticOn", "supportWeekDays",
    "firstHearingOn", "presentHearingOn", "juristHearingOn"
  )
  SELECT c.id, c."teamId", c."sectorId", le."landlordId", ld.kind, c."openedOn", c.eligible, c.supported, c."firstContactOn",
         o.first_letter, COALESCE(o.visits, 0), o.first_visit, o.joint_visit, o.landlord_letter, o.landlord_contact, o.last_at,
         COALESCE(l."toState", 'IDENTIFIED'),
         CASE WHEN l."toState" = 'CLOSED' THEN (l."occurredAt" AT TIME ZONE 'Europe/Paris')::date END,
         CASE WHEN l."toState" = 'CLOSED' THEN l."closureReason" END,
         s.started_on, s.ended_on,
         COALESCE(d.flash, '{}'), COALESCE(d.in_depth, '{}'), d.joint_on, COALESCE(w.days, '{}'),
         p.first_on, p.present_on, p.jurist_on
  FROM "Case" c
  LEFT JOIN "Lease" le ON le.id = c."leaseId"
  LEFT JOIN "Landlord" ld ON ld.id = le."landlordId"
  LEFT JOIN LATERAL (
    SELECT MIN(e."occurredAt") FILTER (WHERE e.kind = 'LETTER_TENANT') AS first_letter,
           COUNT(*) FILTER (WHERE e.kind = 'VISIT')::int AS visits,
           MIN(e."occurredAt") FILTER (WHERE e.kind = 'VISIT') AS first_visit,
           MIN(e."occurredAt") FILTER (WHERE e.kind = 'VISIT' AND e."jointVisit") AS joint_visit,
           MIN(e."occurredAt") FILTER (WHERE e.kind = 'LETTER_LANDLORD') AS landlord_letter,
           MIN(e."occurredAt") FILTER (WHERE e.kind = 'LANDLORD_CONTACT') AS landlord_contact,
           MAX(e."occurredAt") AS last_at
    FROM "OutreachEvent" e WHERE e."caseId" = c.id
  ) o ON TRUE
  LEFT JOIN LATERAL (
    SELECT e."toState", e."occurredAt", e."closureReason"
    FROM "OutreachEvent" e WHERE e."caseId" = c.id
    ORDER BY e."occurredAt" DESC, e."createdAt" DESC, e.id DESC
    LIMIT 1
  ) l ON TRUE
  LEFT JOIN LATERAL (
    SELECT MIN(sp."startedOn") AS started_on,
           (ARRAY_AGG(sp."endedOn" ORDER BY sp."startedOn" DESC, sp.id DESC))[1] AS ended_on
    FROM "SupportPeriod" sp WHERE sp."caseId" = c.id
  ) s ON TRUE
  LEFT JOIN LATERAL (
    SELECT ARRAY_AGG(sw."weekOf" ORDER BY sw."weekOf") AS days
    FROM "SupportPeriod" sp JOIN "SupportWeek" sw ON sw."periodId" = sp.id
    WHERE sp."caseId" = c.id
  ) w ON TRUE
  LEFT JOIN LATERAL (
    SELECT ARRAY_AGG(dg."doneOn" ORDER BY dg."doneOn") FILTER (WHERE dg.kind = 'FLASH') AS flash,
           ARRAY_AGG(dg."doneOn" ORDER BY dg."doneOn") FILTER (WHERE dg.kind = 'IN_DEPTH') AS in_depth,
           MIN(dg."doneOn") FILTER (WHERE dg."jointVisit") AS joint_on
    FROM "Diagnostic" dg WHERE dg."caseId" = c.id
  ) d ON TRUE
  LEFT JOIN LATERAL (
    SELECT MIN(pe.date) AS first_on,
           MIN(pe.date) FILTER (WHERE pe."householdPresent" IS TRUE) AS present_on,
           MIN(pe.date) FILTER (WHERE pe."householdPresent" IS TRUE AND pe."juristPresent" IS TRUE) AS jurist_on
    FROM "ProcedureEvent" pe WHERE pe."caseId" = c.id AND pe.stage = 'HEARING'
  ) p ON TRUE
  WHERE c.id = ANY(ids)
  ON CONFLICT ("caseId") DO UPDATE SET
    "teamId" = EXCLUDED."teamId", "sectorId" = EXCLUDED."sectorId", "landlordId" = EXCLUDED."landlordId",
    "landlordKind" = EXCLUDED."landlordKind", "openedOn" = EXCLUDED."openedOn", "eligible" = EXCLUDED."eligible",
    "supported" = EXCLUDED."supported", "firstContactOn" = EXCLUDED."firstContactOn",
    "firstLetterAt" = EXCLUDED."firstLetterAt", "visits" = EXCLUDED."visits", "firstVisitAt" = EXCLUDED."firstVisitAt",
    "jointVisitAt" = EXCLUDED."jointVisitAt", "landlordLetterAt" = EXCLUDED."landlordLetterAt",
    "landlordContactAt" = EXCLUDED."landlordContactAt", "lastEventAt" = EXCLUDED."lastEventAt",
    "state" = EXCLUDED."state", "closedOn" = EXCLUDED."closedOn", "closureReason" = EXCLUDED."closureReason",
    "supportStartedOn" = EXCLUDED."supportStartedOn", "supportEndedOn" = EXCLUDED."supportEndedOn",
    "flashDiagnosticDays" = EXCLUDED."flashDiagnosticDays", "inDepthDiagnosticDays" = EXCLUDED."inDepthDiagnosticDays",
    "jointDiagnosticOn" = EXCLUDED."jointDiagnosticOn", "supportWeekDays" = EXCLUDED."supportWeekDays",
    "firstHearingOn" = EXCLUDED."firstHearingOn", "presentHearingOn" = EXCLUDED."presentHearingOn",
    "juristHearingOn" = EXCLUDED."juristHearingOn"
  -- An update that changes nothing writes nothing (most Case updates: deadlines, assignment).
  WHERE (f.*) IS DISTINCT FROM (EXCLUDED.*);
$fn$;

-- Tables whose rows carry "caseId": the touched cases are the old and new rows' caseIds.
CREATE FUNCTION maintien_case_facts_by_case_id() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT DISTINCT "caseId" FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT "caseId" FROM new_rows UNION SELECT "caseId" FROM old_rows));
  ELSE
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT DISTINCT "caseId" FROM old_rows));
  END IF;
  RETURN NULL;
END
$fn$;

-- SupportWeek: through its period (a week deleted with its period is covered by the period's trigger).
CREATE FUNCTION maintien_case_facts_by_period() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT DISTINCT sp."caseId" FROM new_rows n JOIN "SupportPeriod" sp ON sp.id = n."periodId"));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM maintien_refresh_case_facts(ARRAY(
      SELECT sp."caseId" FROM (SELECT "periodId" FROM new_rows UNION SELECT "periodId" FROM old_rows) r
      JOIN "SupportPeriod" sp ON sp.id = r."periodId"));
  ELSE
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT DISTINCT sp."caseId" FROM old_rows o JOIN "SupportPeriod" sp ON sp.id = o."periodId"));
  END IF;
  RETURN NULL;
END
$fn$;

-- Case: a new case gets its row; an update refreshes only when a column the facts copy changed.
CREATE FUNCTION maintien_case_facts_by_case() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM maintien_refresh_case_facts(ARRAY(SELECT id FROM new_rows));
  ELSE
    PERFORM maintien_refresh_case_facts(ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n."teamId", n."sectorId", n."leaseId", n."openedOn", n.eligible, n.supported, n."firstContactOn")
            IS DISTINCT FROM (o."teamId", o."sectorId", o."leaseId", o."openedOn", o.eligible, o.supported, o."firstContactOn")));
  END IF;
  RETURN NULL;
END
$fn$;

-- Lease (its landlord) and Landlord (its kind): the cases of the changed leases.
CREATE FUNCTION maintien_case_facts_by_lease() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM maintien_refresh_case_facts(ARRAY(
    SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "Case" c ON c."leaseId" = n.id
    WHERE n."landlordId" IS DISTINCT FROM o."landlordId"));
  RETURN NULL;
END
$fn$;

CREATE FUNCTION maintien_case_facts_by_landlord() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM maintien_refresh_case_facts(ARRAY(
    SELECT c.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    JOIN "Lease" le ON le."landlordId" = n.id JOIN "Case" c ON c."leaseId" = le.id
    WHERE n.kind IS DISTINCT FROM o.kind));
  RETURN NULL;
END
$fn$;

CREATE TRIGGER case_facts_ins AFTER INSERT ON "Case" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "Case" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "Lease" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_lease();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "Landlord" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_landlord();
CREATE TRIGGER case_facts_ins AFTER INSERT ON "OutreachEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "OutreachEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_del AFTER DELETE ON "OutreachEvent" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_ins AFTER INSERT ON "ProcedureEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "ProcedureEvent" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_del AFTER DELETE ON "ProcedureEvent" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_ins AFTER INSERT ON "Diagnostic" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "Diagnostic" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_del AFTER DELETE ON "Diagnostic" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_ins AFTER INSERT ON "SupportPeriod" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "SupportPeriod" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_del AFTER DELETE ON "SupportPeriod" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_case_id();
CREATE TRIGGER case_facts_ins AFTER INSERT ON "SupportWeek" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_period();
CREATE TRIGGER case_facts_upd AFTER UPDATE ON "SupportWeek" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_period();
CREATE TRIGGER case_facts_del AFTER DELETE ON "SupportWeek" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION maintien_case_facts_by_period();

-- Existing databases: every case's row, once.
SELECT maintien_refresh_case_facts(ARRAY(SELECT id FROM "Case"));
