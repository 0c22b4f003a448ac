CREATE TABLE "poverty_labour_participation" (
	"year" integer NOT NULL,
	"definition" text NOT NULL,
	"income_source" text NOT NULL,
	"households" integer,
	"percentage" numeric(4, 1),
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poverty_labour_participation_year_definition_income_source_pk" PRIMARY KEY("year","definition","income_source")
);
--> statement-breakpoint
CREATE TABLE "poverty_series_values" (
	"year" integer NOT NULL,
	"definition" text NOT NULL,
	"revision" integer NOT NULL,
	"children" integer,
	"percentage" numeric(4, 1),
	"status" text NOT NULL,
	"status_note" text NOT NULL,
	"published" text,
	"publication" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "poverty_series_values_year_definition_revision_pk" PRIMARY KEY("year","definition","revision")
);
--> statement-breakpoint
CREATE TABLE "poverty_target_paths" (
	"key" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"definition" text NOT NULL,
	"start_year" integer NOT NULL,
	"start_percentage" numeric(4, 1) NOT NULL,
	"end_year" integer NOT NULL,
	"end_percentage" numeric(4, 1) NOT NULL,
	"set_in" integer NOT NULL,
	"source" text NOT NULL
);
