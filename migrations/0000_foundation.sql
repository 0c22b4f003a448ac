CREATE TABLE "organisations" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text,
	"website" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind" CHECK ("organisations"."kind" in ('municipality', 'local_charity_branch', 'national_charity', 'other'))
);
--> statement-breakpoint
CREATE TABLE "provision_municipalities" (
	"provision_key" text NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "provision_municipalities_provision_key_municipality_code_pk" PRIMARY KEY("provision_key","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"key" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"category" text NOT NULL,
	"min_age" integer NOT NULL,
	"max_age" integer NOT NULL,
	"nationwide" boolean NOT NULL,
	"funded_by" text NOT NULL,
	"handled_by" text NOT NULL,
	"owner" text NOT NULL,
	"application_route" text NOT NULL,
	"amount_cents" integer,
	"amount_kind" text,
	"amount_period" text,
	"link" text,
	"last_checked" date NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provisions_ages" CHECK ("provisions"."min_age" >= 0 and "provisions"."max_age" <= 21 and "provisions"."min_age" <= "provisions"."max_age"),
	CONSTRAINT "provisions_amount" CHECK ("provisions"."amount_cents" is null or "provisions"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_areas" (
	"pc4" text NOT NULL,
	"municipality_code" text NOT NULL,
	"addresses" integer NOT NULL,
	"address_share" numeric(5, 4) NOT NULL,
	CONSTRAINT "postcode_areas_pc4_municipality_code_pk" PRIMARY KEY("pc4","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "reference_data_versions" (
	"name" text PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_municipalities" ADD CONSTRAINT "provision_municipalities_provision_key_provisions_key_fk" FOREIGN KEY ("provision_key") REFERENCES "public"."provisions"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_municipalities" ADD CONSTRAINT "provision_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_funded_by_organisations_key_fk" FOREIGN KEY ("funded_by") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_handled_by_organisations_key_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_owner_organisations_key_fk" FOREIGN KEY ("owner") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postcode_areas" ADD CONSTRAINT "postcode_areas_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provision_municipalities_by_municipality" ON "provision_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "provisions_nationwide" ON "provisions" USING btree ("nationwide");