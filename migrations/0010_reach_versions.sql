CREATE TABLE "reach_reference_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "reach_reference_version_single" CHECK ("reach_reference_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "reach_versions" (
	"year" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "reach_versions_year_municipality_code_pk" PRIMARY KEY("year","municipality_code")
);
