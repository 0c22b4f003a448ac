CREATE TABLE "scheme_versions" (
	"scheme_key" text NOT NULL,
	"version" integer NOT NULL,
	"valid_from" date NOT NULL,
	"income_test" text NOT NULL,
	"percent_hundredths" integer,
	"holiday_allowance" text,
	"asset_test" boolean NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_versions_scheme_key_version_pk" PRIMARY KEY("scheme_key","version"),
	CONSTRAINT "scheme_versions_one_per_date" UNIQUE("scheme_key","valid_from"),
	CONSTRAINT "scheme_versions_income_test" CHECK (("scheme_versions"."income_test" = 'none' and "scheme_versions"."percent_hundredths" is null and "scheme_versions"."holiday_allowance" is null)
        or ("scheme_versions"."income_test" = 'percent_of_norm' and "scheme_versions"."percent_hundredths" between 5000 and 30000
            and "scheme_versions"."holiday_allowance" in ('included', 'excluded')))
);
--> statement-breakpoint
CREATE TABLE "schemes" (
	"key" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"municipality_code" text,
	"owner" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD CONSTRAINT "scheme_versions_scheme_key_schemes_key_fk" FOREIGN KEY ("scheme_key") REFERENCES "public"."schemes"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_versions" ADD CONSTRAINT "scheme_versions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schemes" ADD CONSTRAINT "schemes_owner_organisations_key_fk" FOREIGN KEY ("owner") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;