-- Change counters for the reach answers kept in memory (src/reach/answer-cache.ts). Triggers, so every writer
-- (refreshReach, a recompute, an import, a test clearing a year) bumps them in its own transaction.
INSERT INTO "reach_reference_version" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION "reach_counts_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Sorted, so two statements bumping the same cells lock their rows in the same order.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "reach_versions" ("year", "municipality_code")
      SELECT DISTINCT "year", "municipality_code" FROM "reach_new" ORDER BY 1, 2
      ON CONFLICT ("year", "municipality_code") DO UPDATE SET "version" = "reach_versions"."version" + 1;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "reach_versions" ("year", "municipality_code")
      SELECT DISTINCT "year", "municipality_code" FROM "reach_old" ORDER BY 1, 2
      ON CONFLICT ("year", "municipality_code") DO UPDATE SET "version" = "reach_versions"."version" + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "reach_versions" ("year", "municipality_code")
      SELECT "year", "municipality_code" FROM "reach_old"
      UNION SELECT "year", "municipality_code" FROM "reach_new" ORDER BY 1, 2
      ON CONFLICT ("year", "municipality_code") DO UPDATE SET "version" = "reach_versions"."version" + 1;
  ELSE
    UPDATE "reach_versions" SET "version" = "version" + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reach_counts_inserted" AFTER INSERT ON "reach_counts"
  REFERENCING NEW TABLE AS "reach_new" FOR EACH STATEMENT EXECUTE FUNCTION "reach_counts_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_counts_deleted" AFTER DELETE ON "reach_counts"
  REFERENCING OLD TABLE AS "reach_old" FOR EACH STATEMENT EXECUTE FUNCTION "reach_counts_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_counts_updated" AFTER UPDATE ON "reach_counts"
  REFERENCING OLD TABLE AS "reach_old" NEW TABLE AS "reach_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_counts_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_counts_truncated" AFTER TRUNCATE ON "reach_counts"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_counts_changed"();
--> statement-breakpoint
CREATE FUNCTION "reach_reference_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reach_reference_version" SET "version" = "version" + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reach_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_reference_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "reach_targets"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_reference_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipality_mergers"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_reference_changed"();
--> statement-breakpoint
CREATE TRIGGER "reach_reference_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION "reach_reference_changed"();
