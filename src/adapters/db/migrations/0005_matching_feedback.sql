CREATE TABLE "suggestion_feedback" (
	"lab_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"suggested_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_feedback_organisation_id_suggested_id_pk" PRIMARY KEY("organisation_id","suggested_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_impressions" (
	"lab_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"suggested_id" uuid NOT NULL,
	"first_shown_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_impressions_organisation_id_suggested_id_pk" PRIMARY KEY("organisation_id","suggested_id")
);
--> statement-breakpoint
ALTER TABLE "suggestion_feedback" ADD CONSTRAINT "suggestion_feedback_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_feedback" ADD CONSTRAINT "suggestion_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_feedback" ADD CONSTRAINT "suggestion_feedback_suggested_id_organisations_id_fk" FOREIGN KEY ("suggested_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_feedback" ADD CONSTRAINT "suggestion_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_impressions" ADD CONSTRAINT "suggestion_impressions_lab_id_labs_id_fk" FOREIGN KEY ("lab_id") REFERENCES "public"."labs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_impressions" ADD CONSTRAINT "suggestion_impressions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_impressions" ADD CONSTRAINT "suggestion_impressions_suggested_id_organisations_id_fk" FOREIGN KEY ("suggested_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_feedback_lab_idx" ON "suggestion_feedback" USING btree ("lab_id");--> statement-breakpoint
CREATE INDEX "suggestion_impressions_lab_idx" ON "suggestion_impressions" USING btree ("lab_id");