CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"action" text NOT NULL,
	"text_version" text NOT NULL,
	"channel" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"lab_id" uuid NOT NULL,
	"first_id" uuid NOT NULL,
	"second_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_first_id_second_id_pk" PRIMARY KEY("first_id","second_id")
);
--> statement-breakpoint
CREATE TABLE "needs_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"quantity" double precision,
	"unit" text,
	"period_start" date,
	"period_end" date,
	"status" text DEFAULT 'open' NOT NULL,
	"contact_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"actor_id" text,
	"person_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lab_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"job_title" text,
	"email" text,
	"phone" text,
	"legal_basis" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"informed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_organisations" (
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_organisations_person_id_organisation_id_pk" PRIMARY KEY("person_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "naf" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "naf_section" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "headcount_band" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "epci" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "departement" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "position_precision" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "source" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "needs_offers_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french_unaccent'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(description, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(needs_offers_text, '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_offers" ADD CONSTRAINT "needs_offers_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_offers" ADD CONSTRAINT "needs_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs_offers" ADD CONSTRAINT "needs_offers_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_events" ADD CONSTRAINT "organisation_events_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_events" ADD CONSTRAINT "organisation_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_events" ADD CONSTRAINT "organisation_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_organisations" ADD CONSTRAINT "person_organisations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_organisations" ADD CONSTRAINT "person_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_person_idx" ON "consent_records" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "needs_offers_org_idx" ON "needs_offers" USING btree ("organisation_id","kind","status");--> statement-breakpoint
CREATE INDEX "needs_offers_lab_idx" ON "needs_offers" USING btree ("lab_id","kind","status","category");--> statement-breakpoint
CREATE INDEX "organisation_events_org_idx" ON "organisation_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "people_lab_idx" ON "people" USING btree ("lab_id","last_name");--> statement-breakpoint
CREATE INDEX "people_activity_idx" ON "people" USING btree ("lab_id","last_activity_at");--> statement-breakpoint
CREATE INDEX "person_organisations_org_idx" ON "person_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisations_search_idx" ON "organisations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organisations_themes_idx" ON "organisations" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "organisations_lab_departement_idx" ON "organisations" USING btree ("lab_id","departement");--> statement-breakpoint
CREATE INDEX "organisations_lab_epci_idx" ON "organisations" USING btree ("lab_id","epci");--> statement-breakpoint
CREATE INDEX "organisations_lab_commune_idx" ON "organisations" USING btree ("lab_id","commune_insee");