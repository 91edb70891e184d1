-- CreateTable
CREATE TABLE "ContentVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ContentVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "ContentVersion" ("id", "version") VALUES (1, 0);

-- Bumps the content version once per transaction, at commit (the trigger below is a
-- deferred constraint trigger), so the row lock is held only while committing and a page
-- rendered before the commit is never kept under the new number.
CREATE FUNCTION lisa_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('lisa.content_version_bumped', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('lisa.content_version_bumped', 'yes', true);
    UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  END IF;
  RETURN NULL;
END;
$$;

-- TRUNCATE has no row triggers; it is rare (restores), so it bumps at once.
CREATE FUNCTION lisa_bump_content_version_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ContentVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

-- Every table except those no cached page reads (accounts, sessions, private workflow and
-- bookkeeping). lib/page-cache/content-tables.ts holds the same list, and a test checks
-- that every table is either here or triggered.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema()
      AND tablename NOT IN (
        '_prisma_migrations', 'ContentVersion',
        'User', 'Account', 'Session', 'VerificationToken', 'RateLimit', 'Invitation', 'Membership',
        'SearchStat', 'JobRun', 'AuditLog', 'Notification', 'OutboxMessage', 'ImportRun',
        'CorrectionSuggestion', 'ServiceChangeProposal', 'ServiceConfirmationToken', 'NewsRevision',
        'WorkshopCategory', 'WorkshopIssue', 'IssueResponder', 'IssueAssignee', 'WorkshopEvent',
        'WorkshopComment', 'WorkshopAnswer', 'WorkshopInternalNote', 'WorkshopAttachment',
        'Meeting', 'AgendaItem', 'MinuteEntry', 'WorkshopAction'
      )
  LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER lisa_content_version AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lisa_bump_content_version()', t);
    EXECUTE format(
      'CREATE TRIGGER lisa_content_version_truncate AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION lisa_bump_content_version_now()', t);
  END LOOP;
END;
$$;
