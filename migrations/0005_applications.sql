CREATE TABLE "application_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"first_name" text,
	"birth_date" date,
	"child_key" text
);
--> statement-breakpoint
CREATE TABLE "application_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"owner_person_id" uuid,
	"answers" jsonb NOT NULL,
	"step" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_person_id" uuid,
	"reason_code" text,
	"text" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"provision_key" text NOT NULL,
	"handling_organisation" text NOT NULL,
	"status" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"participation_confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"final_at" timestamp with time zone,
	CONSTRAINT "application_items_status" CHECK ("application_items"."status" in ('submitted', 'in_progress', 'information_requested', 'information_answered', 'granted', 'refused', 'delivered', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"channel" text NOT NULL,
	"intermediary_person_id" uuid,
	"intermediary_organisation" text,
	"municipality_code" text NOT NULL,
	"postcode" text,
	"house_number" text,
	"household_type" text NOT NULL,
	"income_source" text NOT NULL,
	"net_income_cents" integer,
	"intermediary_vouches" boolean DEFAULT false NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"locale" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_by" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"submission_key" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone,
	CONSTRAINT "applications_channel" CHECK ("applications"."channel" in ('family', 'intermediary')),
	CONSTRAINT "applications_income_source" CHECK ("applications"."income_source" in ('bijstand', 'work', 'other_benefit', 'other', 'unknown')),
	CONSTRAINT "applications_contact" CHECK ("applications"."erased_at" is not null or "applications"."contact_email" is not null or "applications"."contact_phone" is not null or "applications"."channel" = 'intermediary')
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"delivered_on" date NOT NULL,
	"description" text NOT NULL,
	"value_cents" integer NOT NULL,
	"budget_override_reason" text,
	"registered_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_value" CHECK ("deliveries"."value_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "delivery_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"child_key" text NOT NULL,
	"municipality_code" text NOT NULL,
	"year" integer NOT NULL,
	"delivered_on" date NOT NULL,
	"income_source" text NOT NULL,
	"category" text NOT NULL,
	"value_cents" integer NOT NULL,
	"handling_organisation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_precedence" (
	"municipality_code" text NOT NULL,
	"organisation_key" text NOT NULL,
	"rank" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_children" ADD CONSTRAINT "application_children_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_item_id_application_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."application_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_child_id_application_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."application_children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_provision_key_provisions_key_fk" FOREIGN KEY ("provision_key") REFERENCES "public"."provisions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_items" ADD CONSTRAINT "application_items_handling_organisation_organisations_key_fk" FOREIGN KEY ("handling_organisation") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_intermediary_person_id_people_id_fk" FOREIGN KEY ("intermediary_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_intermediary_organisation_organisations_key_fk" FOREIGN KEY ("intermediary_organisation") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_item_id_application_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."application_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_registered_by_people_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_precedence" ADD CONSTRAINT "routing_precedence_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_precedence" ADD CONSTRAINT "routing_precedence_organisation_key_organisations_key_fk" FOREIGN KEY ("organisation_key") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_children_position" ON "application_children" USING btree ("application_id","position");--> statement-breakpoint
CREATE INDEX "application_children_by_key" ON "application_children" USING btree ("child_key");--> statement-breakpoint
CREATE UNIQUE INDEX "application_drafts_token" ON "application_drafts" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "application_drafts_expiry" ON "application_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "application_events_by_item" ON "application_events" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "application_items_queue" ON "application_items" USING btree ("handling_organisation","status","updated_at");--> statement-breakpoint
CREATE INDEX "application_items_by_application" ON "application_items" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference" ON "applications" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_tracking" ON "applications" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_submission_key" ON "applications" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "applications_by_intermediary" ON "applications" USING btree ("intermediary_person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_records_source" ON "delivery_records" USING btree ("source");--> statement-breakpoint
CREATE INDEX "delivery_records_reach" ON "delivery_records" USING btree ("municipality_code","year","income_source");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_precedence_key" ON "routing_precedence" USING btree ("municipality_code","organisation_key");