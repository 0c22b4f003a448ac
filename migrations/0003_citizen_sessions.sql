CREATE TABLE "citizen_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"subject_pseudonym" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
