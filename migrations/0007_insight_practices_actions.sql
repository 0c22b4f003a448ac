CREATE TABLE "action_status_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_key" text NOT NULL,
	"status_text" text NOT NULL,
	"when_text" text NOT NULL,
	"start_quarter" text,
	"end_quarter" text,
	"reported_on" date NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_status_updates_quarters" CHECK ("action_status_updates"."start_quarter" ~ '^[0-9]{4}-Q[1-4]$' or "action_status_updates"."start_quarter" is null)
);
--> statement-breakpoint
CREATE TABLE "programme_actions" (
	"key" text PRIMARY KEY NOT NULL,
	"ambition" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"lead_organisation" text,
	"motion" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_actions_ambition" CHECK ("programme_actions"."ambition" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "delivery_import_rejects" (
	"run_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"values" jsonb NOT NULL,
	"issues" jsonb NOT NULL,
	CONSTRAINT "delivery_import_rejects_run_id_line_pk" PRIMARY KEY("run_id","line")
);
--> statement-breakpoint
CREATE TABLE "delivery_import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"failure" text,
	"failure_detail" text,
	"bytes_total" integer DEFAULT 0 NOT NULL,
	"bytes_read" integer DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "delivery_import_runs_status" CHECK ("delivery_import_runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "child_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"provision_category" text NOT NULL,
	"quarter" text NOT NULL,
	"liked" text NOT NULL,
	"meant" text[] NOT NULL,
	"missing" text,
	"filled_in_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_questionnaires_used" (
	"delivery_hash" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_record_domains" (
	"record_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"severity" integer NOT NULL,
	CONSTRAINT "insight_record_domains_record_id_domain_pk" PRIMARY KEY("record_id","domain"),
	CONSTRAINT "insight_record_domains_severity" CHECK ("insight_record_domains"."severity" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "insight_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_key" text NOT NULL,
	"municipality_code" text NOT NULL,
	"observed_on" date NOT NULL,
	"age_group" text NOT NULL,
	"story" text NOT NULL,
	"quote" text,
	"quote_consent" boolean DEFAULT false NOT NULL,
	"support_connected" text,
	"support_missing" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_records_kind" CHECK ("insight_records"."kind" in ('portrait', 'signal')),
	CONSTRAINT "insight_records_quote" CHECK ("insight_records"."quote" is null or "insight_records"."quote_consent")
);
--> statement-breakpoint
CREATE TABLE "practice_reactions" (
	"practice_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_key" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_reactions_practice_id_person_id_pk" PRIMARY KEY("practice_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "practice_review_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"comment" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_key" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"problem" text NOT NULL,
	"approach" text NOT NULL,
	"ambitions" jsonb NOT NULL,
	"life_domains" jsonb NOT NULL,
	"target_group" text NOT NULL,
	"results" text NOT NULL,
	"evidence" text NOT NULL,
	"costs" text NOT NULL,
	"contact" text NOT NULL,
	"documents" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(problem, '') || ' ' || coalesce(approach, '') || ' ' || coalesce(target_group, '') || ' ' || coalesce(results, '')), 'C')) STORED,
	CONSTRAINT "practices_status" CHECK ("practices"."status" in ('submitted', 'reviewed', 'returned', 'published')),
	CONSTRAINT "practices_evidence" CHECK ("practices"."evidence" in ('measured', 'observed', 'none'))
);
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role";--> statement-breakpoint
ALTER TABLE "action_status_updates" ADD CONSTRAINT "action_status_updates_action_key_programme_actions_key_fk" FOREIGN KEY ("action_key") REFERENCES "public"."programme_actions"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_import_rejects" ADD CONSTRAINT "delivery_import_rejects_run_id_delivery_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."delivery_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_import_runs" ADD CONSTRAINT "delivery_import_runs_provider_organisations_key_fk" FOREIGN KEY ("provider") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_import_runs" ADD CONSTRAINT "delivery_import_runs_started_by_people_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_answers" ADD CONSTRAINT "child_answers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_record_domains" ADD CONSTRAINT "insight_record_domains_record_id_insight_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."insight_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_records" ADD CONSTRAINT "insight_records_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reactions" ADD CONSTRAINT "practice_reactions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_review_steps" ADD CONSTRAINT "practice_review_steps_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_status_updates_by_action" ON "action_status_updates" USING btree ("action_key","id");--> statement-breakpoint
CREATE INDEX "delivery_import_runs_provider" ON "delivery_import_runs" USING btree ("provider","started_at");--> statement-breakpoint
CREATE INDEX "child_answers_by_municipality" ON "child_answers" USING btree ("municipality_code","quarter");--> statement-breakpoint
CREATE INDEX "insight_record_domains_by_domain" ON "insight_record_domains" USING btree ("domain");--> statement-breakpoint
CREATE INDEX "insight_records_by_date" ON "insight_records" USING btree ("observed_on");--> statement-breakpoint
CREATE INDEX "practice_review_steps_by_practice" ON "practice_review_steps" USING btree ("practice_id","id");--> statement-breakpoint
CREATE INDEX "practices_search" ON "practices" USING gin ("search");--> statement-breakpoint
CREATE INDEX "practices_by_status" ON "practices" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "practices_by_organisation" ON "practices" USING btree ("organisation_key");--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role" CHECK ("memberships"."role" in ('intermediary', 'handler', 'coordinator', 'policy_officer', 'national_analyst', 'privacy_officer', 'researcher', 'platform_admin'));