CREATE TYPE "public"."meeting_kind" AS ENUM('overhedenoverleg', 'ambtelijk_voorportaal', 'bofv', 'sectorale_tafel');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('gepland', 'open_voor_voorstellen', 'agenda_in_afstemming', 'agenda_vastgesteld', 'gehouden', 'geannuleerd');--> statement-breakpoint
CREATE TYPE "public"."approval_decision" AS ENUM('akkoord', 'bezwaar');--> statement-breakpoint
CREATE TYPE "public"."co_sponsor_status" AS ENUM('uitgenodigd', 'geaccepteerd', 'afgewezen');--> statement-breakpoint
CREATE TYPE "public"."confidentiality" AS ENUM('vertrouwelijk', 'openbaar');--> statement-breakpoint
CREATE TYPE "public"."financial_consequences" AS ENUM('geen', 'ja');--> statement-breakpoint
CREATE TYPE "public"."agenda_item_status" AS ENUM('concept', 'ingediend', 'geagendeerd', 'aangehouden', 'afgewezen', 'behandeld', 'ingetrokken');--> statement-breakpoint
CREATE TYPE "public"."agenda_purpose" AS ENUM('besluitvorming', 'bespreking', 'informatie');--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "meeting_kind" NOT NULL,
	"topic" text,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location" text,
	"online_url" text,
	"chair" text,
	"proposal_deadline" timestamp with time zone,
	"status" "meeting_status" DEFAULT 'gepland' NOT NULL,
	"cancel_reason" text,
	"preparatory_meeting_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(topic, '') || ' ' || coalesce(location, '') || ' ' || coalesce(chair, '')), 'B')) STORED,
	CONSTRAINT "meeting_ends_after_start" CHECK ("meeting"."ends_at" > "meeting"."starts_at"),
	CONSTRAINT "meeting_topic_for_sectorale_tafel" CHECK ("meeting"."kind" <> 'sectorale_tafel' or "meeting"."topic" is not null),
	CONSTRAINT "meeting_cancel_reason" CHECK ("meeting"."status" <> 'geannuleerd' or "meeting"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "agenda_approval" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"decision" "approval_decision" NOT NULL,
	"reason" text,
	"item_positions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agenda_fingerprint" text NOT NULL,
	"agenda_snapshot" jsonb NOT NULL,
	"reset_at" timestamp with time zone,
	CONSTRAINT "agenda_approval_reason_for_bezwaar" CHECK ("agenda_approval"."decision" <> 'bezwaar' or "agenda_approval"."reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "agenda_item_revision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"edited_by" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"proposing_organisation_id" uuid NOT NULL,
	"proposing_party" "party",
	"proposed_by" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"purpose" "agenda_purpose" NOT NULL,
	"proposed_decision" text,
	"financial_consequences" "financial_consequences" DEFAULT 'geen' NOT NULL,
	"financial_explanation" text,
	"contact_person" text,
	"confidentiality" "confidentiality" DEFAULT 'openbaar' NOT NULL,
	"status" "agenda_item_status" DEFAULT 'concept' NOT NULL,
	"status_reason" text,
	"position" integer,
	"minutes" integer,
	"submitted_at" timestamp with time zone,
	"late_submission" boolean DEFAULT false NOT NULL,
	"late_submission_approved" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(proposed_decision, '') || ' ' || coalesce(financial_explanation, '')), 'C')) STORED,
	CONSTRAINT "agenda_item_decision_for_besluitvorming" CHECK ("agenda_item"."purpose" <> 'besluitvorming' or "agenda_item"."proposed_decision" is not null),
	CONSTRAINT "agenda_item_financial_explanation" CHECK ("agenda_item"."financial_consequences" <> 'ja' or "agenda_item"."financial_explanation" is not null),
	CONSTRAINT "agenda_item_minutes_positive" CHECK ("agenda_item"."minutes" is null or "agenda_item"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "co_sponsor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"status" "co_sponsor_status" DEFAULT 'uitgenodigd' NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_preparatory_meeting_id_meeting_id_fk" FOREIGN KEY ("preparatory_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_approval" ADD CONSTRAINT "agenda_approval_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_approval" ADD CONSTRAINT "agenda_approval_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_revision" ADD CONSTRAINT "agenda_item_revision_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item_revision" ADD CONSTRAINT "agenda_item_revision_edited_by_person_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposing_organisation_id_organisation_id_fk" FOREIGN KEY ("proposing_organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_proposed_by_person_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_sponsor" ADD CONSTRAINT "co_sponsor_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_sponsor" ADD CONSTRAINT "co_sponsor_invited_by_person_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_sponsor" ADD CONSTRAINT "co_sponsor_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_parent_id_comment_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_deleted_by_person_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_starts_at_idx" ON "meeting" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "meeting_status_idx" ON "meeting" USING btree ("status");--> statement-breakpoint
CREATE INDEX "meeting_search_idx" ON "meeting" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_approval_key" ON "agenda_approval" USING btree ("meeting_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_item_revision_key" ON "agenda_item_revision" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "agenda_item_meeting_idx" ON "agenda_item" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_item_organisation_idx" ON "agenda_item" USING btree ("proposing_organisation_id");--> statement-breakpoint
CREATE INDEX "agenda_item_status_idx" ON "agenda_item" USING btree ("status");--> statement-breakpoint
CREATE INDEX "agenda_item_search_idx" ON "agenda_item" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "co_sponsor_key" ON "co_sponsor" USING btree ("item_id","party");--> statement-breakpoint
CREATE INDEX "comment_item_idx" ON "comment" USING btree ("item_id","created_at");