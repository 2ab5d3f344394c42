CREATE TYPE "public"."decision_outcome" AS ENUM('aangenomen', 'aangenomen_met_wijziging', 'aangehouden', 'verworpen', 'ter_kennisgeving_aangenomen', 'niet_behandeld');--> statement-breakpoint
CREATE TABLE "commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"party" "party",
	"holder" text NOT NULL,
	"description" text NOT NULL,
	"due_date" date
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"agenda_number" integer NOT NULL,
	"item_title" text NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"dicta" text[] DEFAULT '{}'::text[] NOT NULL,
	"explanation" text,
	"hamerstuk" boolean DEFAULT false NOT NULL,
	"dealt_order" integer NOT NULL,
	"carried_over_at" timestamp with time zone,
	"carried_over_to_meeting_id" uuid,
	"carry_over_reason" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decision_carry_over_reason" CHECK ("decision"."carried_over_at" is null or "decision"."carry_over_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "session_opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "current_item_id" uuid;--> statement-breakpoint
ALTER TABLE "commitment" ADD CONSTRAINT "commitment_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_item_id_agenda_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_carried_over_to_meeting_id_meeting_id_fk" FOREIGN KEY ("carried_over_to_meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_decision_idx" ON "commitment" USING btree ("decision_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_item_key" ON "decision" USING btree ("meeting_id","item_id");--> statement-breakpoint
CREATE INDEX "decision_meeting_idx" ON "decision" USING btree ("meeting_id","dealt_order");