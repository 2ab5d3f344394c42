CREATE TYPE "public"."agreement_link_kind" AS ENUM('meeting', 'bofv', 'sectorale_tafel', 'begrotingsmoment', 'other');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('open', 'in_uitvoering', 'afgerond', 'vertraagd', 'vervallen');--> statement-breakpoint
CREATE TYPE "public"."ratification_state" AS ENUM('niet_nodig', 'lopend', 'goedgekeurd', 'afgewezen');--> statement-breakpoint
CREATE TABLE "agreement_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_agreement_id" uuid NOT NULL,
	"to_agreement_id" uuid,
	"kind" "agreement_link_kind",
	"label" text,
	"meeting_id" uuid,
	"date" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_link_target" CHECK (("agreement_link"."to_agreement_id" is null) = ("agreement_link"."kind" is not null and "agreement_link"."label" is not null)),
	CONSTRAINT "agreement_link_not_itself" CHECK ("agreement_link"."from_agreement_id" <> "agreement_link"."to_agreement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_owner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"organisation_id" uuid,
	"contact_person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_owner_key" UNIQUE NULLS NOT DISTINCT("agreement_id","party","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"text" text NOT NULL,
	"percent" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_progress_percent" CHECK ("agreement_progress"."percent" is null or "agreement_progress"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "agreement_ratification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"koepel" "party" NOT NULL,
	"state" "ratification_state" NOT NULL,
	"closes_on" date,
	"decided_on" date,
	"ledenbrief_url" text,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_ratification_koepel" CHECK ("agreement_ratification"."koepel" <> 'rijk'),
	CONSTRAINT "agreement_ratification_closes_on" CHECK ("agreement_ratification"."state" <> 'lopend' or "agreement_ratification"."closes_on" is not null),
	CONSTRAINT "agreement_ratification_decided_on" CHECK ("agreement_ratification"."state" not in ('goedgekeurd', 'afgewezen') or "agreement_ratification"."decided_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision_id" uuid,
	"commitment_id" uuid,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"condition" text,
	"fallback_date" date,
	"status" "agreement_status" DEFAULT 'open' NOT NULL,
	"expected_date" date,
	"lapse_reason" text,
	"closed_at" timestamp with time zone,
	"confidentiality" "confidentiality" DEFAULT 'vertrouwelijk' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(body, '')), 'B') || setweight(to_tsvector('dutch', coalesce(condition, '') || ' ' || coalesce(lapse_reason, '')), 'C')) STORED,
	CONSTRAINT "agreement_vertraagd_expected_date" CHECK ("agreement"."status" <> 'vertraagd' or "agreement"."expected_date" is not null),
	CONSTRAINT "agreement_vervallen_reason" CHECK (("agreement"."status" = 'vervallen') = ("agreement"."lapse_reason" is not null)),
	CONSTRAINT "agreement_closed_at" CHECK (("agreement"."status" in ('afgerond', 'vervallen')) = ("agreement"."closed_at" is not null)),
	CONSTRAINT "agreement_fallback_has_condition" CHECK ("agreement"."fallback_date" is null or "agreement"."condition" is not null)
);
--> statement-breakpoint
ALTER TABLE "agreement_link" ADD CONSTRAINT "agreement_link_from_agreement_id_agreement_id_fk" FOREIGN KEY ("from_agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_link" ADD CONSTRAINT "agreement_link_to_agreement_id_agreement_id_fk" FOREIGN KEY ("to_agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_link" ADD CONSTRAINT "agreement_link_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_link" ADD CONSTRAINT "agreement_link_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_owner" ADD CONSTRAINT "agreement_owner_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_owner" ADD CONSTRAINT "agreement_owner_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_owner" ADD CONSTRAINT "agreement_owner_contact_person_id_person_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_progress" ADD CONSTRAINT "agreement_progress_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_progress" ADD CONSTRAINT "agreement_progress_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_ratification" ADD CONSTRAINT "agreement_ratification_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_ratification" ADD CONSTRAINT "agreement_ratification_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_commitment_id_commitment_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_link_from_idx" ON "agreement_link" USING btree ("from_agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_link_to_idx" ON "agreement_link" USING btree ("to_agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_link_pair_key" ON "agreement_link" USING btree ("from_agreement_id","to_agreement_id") WHERE "agreement_link"."to_agreement_id" is not null;--> statement-breakpoint
CREATE INDEX "agreement_owner_party_idx" ON "agreement_owner" USING btree ("party","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_owner_contact_idx" ON "agreement_owner" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "agreement_progress_agreement_idx" ON "agreement_progress" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_ratification_key" ON "agreement_ratification" USING btree ("agreement_id","koepel");--> statement-breakpoint
CREATE INDEX "agreement_meeting_idx" ON "agreement" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "agreement_decision_idx" ON "agreement" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "agreement_deadline_idx" ON "agreement" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "agreement_status_idx" ON "agreement" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "agreement_search_idx" ON "agreement" USING gin ("search");--> statement-breakpoint
-- A progress report is history: the database itself refuses an update or a delete, whoever asks.
-- Written by hand: drizzle-kit does not model triggers. A correction is a new report.
CREATE FUNCTION agreement_progress_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a progress report never changes: % is not allowed on "agreement_progress"', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER agreement_progress_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "agreement_progress"
	FOR EACH ROW EXECUTE FUNCTION agreement_progress_refuse_change();--> statement-breakpoint
CREATE TRIGGER agreement_progress_no_truncate
	BEFORE TRUNCATE ON "agreement_progress"
	FOR EACH STATEMENT EXECUTE FUNCTION agreement_progress_refuse_change();
