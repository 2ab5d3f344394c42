CREATE TYPE "public"."correction_status" AS ENUM('voorgesteld', 'overgenomen', 'afgewezen');--> statement-breakpoint
CREATE TYPE "public"."decision_list_status" AS ENUM('concept', 'ter_verificatie', 'vastgesteld', 'gepubliceerd');--> statement-breakpoint
CREATE TYPE "public"."verification_decision" AS ENUM('akkoord', 'correcties');--> statement-breakpoint
CREATE TABLE "decision_correction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal" text NOT NULL,
	"reason" text NOT NULL,
	"status" "correction_status" DEFAULT 'voorgesteld' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answer_reason" text,
	CONSTRAINT "decision_correction_declined_reason" CHECK ("decision_correction"."status" <> 'afgewezen' or "decision_correction"."answer_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "decision_list_verification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"decision" "verification_decision" NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fingerprint" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reset_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "decision_list_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text,
	"reason_code" text,
	"note" text,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" "decision_list_status" DEFAULT 'concept' NOT NULL,
	"verification_closes_at" timestamp with time zone,
	"adopted_at" timestamp with time zone,
	"adopted_by" uuid,
	"no_response_parties" "party"[] DEFAULT '{}' NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_correction" ADD CONSTRAINT "decision_correction_list_id_decision_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."decision_list"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_correction" ADD CONSTRAINT "decision_correction_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_correction" ADD CONSTRAINT "decision_correction_proposed_by_person_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_correction" ADD CONSTRAINT "decision_correction_answered_by_person_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list_verification" ADD CONSTRAINT "decision_list_verification_list_id_decision_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."decision_list"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list_verification" ADD CONSTRAINT "decision_list_verification_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list_version" ADD CONSTRAINT "decision_list_version_list_id_decision_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."decision_list"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list_version" ADD CONSTRAINT "decision_list_version_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list_version" ADD CONSTRAINT "decision_list_version_published_by_person_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list" ADD CONSTRAINT "decision_list_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_list" ADD CONSTRAINT "decision_list_adopted_by_person_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_correction_list_idx" ON "decision_correction" USING btree ("list_id","proposed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_list_verification_key" ON "decision_list_verification" USING btree ("list_id","party");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_list_version_key" ON "decision_list_version" USING btree ("list_id","number");--> statement-breakpoint
CREATE INDEX "decision_list_version_published_idx" ON "decision_list_version" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_list_meeting_key" ON "decision_list" USING btree ("meeting_id");--> statement-breakpoint
-- A published version never changes: the database itself refuses an update or a delete, whoever
-- asks. Written by hand: drizzle-kit does not model triggers. A correction is a new version.
CREATE FUNCTION decision_list_version_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a published besluitenlijst never changes: % is not allowed on "decision_list_version"', TG_OP
		USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER decision_list_version_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "decision_list_version"
	FOR EACH ROW EXECUTE FUNCTION decision_list_version_refuse_change();--> statement-breakpoint
CREATE TRIGGER decision_list_version_no_truncate
	BEFORE TRUNCATE ON "decision_list_version"
	FOR EACH STATEMENT EXECUTE FUNCTION decision_list_version_refuse_change();
