CREATE TABLE "reference_changes" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_changes_one_row" CHECK ("reference_changes"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "reference_changes" ("id", "generation") VALUES (1, 0) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Every statement that changes what a request is checked against counts one, in its own transaction, so an
-- in-memory copy read at an older count is never used once the change is committed.
CREATE FUNCTION "count_reference_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "reference_changes" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "organisations_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "provisions_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "provisions" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "provision_municipalities_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "provision_municipalities" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "schemes_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "schemes" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "scheme_versions_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scheme_versions" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "routing_precedence_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "routing_precedence" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "municipalities_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();--> statement-breakpoint
CREATE TRIGGER "postcode_areas_count_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postcode_areas" FOR EACH STATEMENT EXECUTE FUNCTION "count_reference_change"();
