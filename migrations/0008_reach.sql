CREATE TABLE "municipality_mergers" (
	"old_code" text PRIMARY KEY NOT NULL,
	"old_name" text NOT NULL,
	"new_code" text NOT NULL,
	"new_name" text NOT NULL,
	"effective_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reach_counts" (
	"boundaries" text NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"reached" integer NOT NULL,
	CONSTRAINT "reach_counts_boundaries_year_municipality_code_dimension_value_pk" PRIMARY KEY("boundaries","year","municipality_code","dimension","value"),
	CONSTRAINT "reach_counts_boundaries" CHECK ("reach_counts"."boundaries" in ('recorded', 'today')),
	CONSTRAINT "reach_counts_dimension" CHECK ("reach_counts"."dimension" in ('total', 'income', 'category', 'provider'))
);
--> statement-breakpoint
CREATE TABLE "reach_targets" (
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"income_group" text NOT NULL,
	"target_percent" integer NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reach_targets_municipality_code_year_income_group_pk" PRIMARY KEY("municipality_code","year","income_group"),
	CONSTRAINT "reach_targets_income_group" CHECK ("reach_targets"."income_group" in ('bijstand', 'work', 'other')),
	CONSTRAINT "reach_targets_percent" CHECK ("reach_targets"."target_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"income_group" text NOT NULL,
	"kind" text NOT NULL,
	"children" integer NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_groups_municipality_code_year_income_group_kind_pk" PRIMARY KEY("municipality_code","year","income_group","kind"),
	CONSTRAINT "target_groups_income_group" CHECK ("target_groups"."income_group" in ('bijstand', 'work', 'other')),
	CONSTRAINT "target_groups_kind" CHECK ("target_groups"."kind" in ('estimate', 'cbs', 'imported')),
	CONSTRAINT "target_groups_children" CHECK ("target_groups"."children" >= 0)
);
--> statement-breakpoint
ALTER TABLE "delivery_import_runs" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;