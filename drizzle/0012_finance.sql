CREATE TYPE "public"."arrangement_status" AS ENUM('voorgesteld', 'toegezegd', 'verwerkt', 'uitbetaald', 'vervallen');--> statement-breakpoint
CREATE TYPE "public"."budget_moment_kind" AS ENUM('voorjaarsnota', 'miljoenennota', 'najaarsnota');--> statement-breakpoint
CREATE TYPE "public"."circular_kind" AS ENUM('mei', 'september', 'december');--> statement-breakpoint
CREATE TYPE "public"."feasibility_status" AS ENUM('niet_gestart', 'lopend', 'afgerond', 'niet_van_toepassing');--> statement-breakpoint
CREATE TYPE "public"."figure_verdict" AS ENUM('eens', 'oneens');--> statement-breakpoint
CREATE TYPE "public"."finance_instrument" AS ENUM('algemene_uitkering_gemeentefonds', 'algemene_uitkering_provinciefonds', 'integratie_uitkering', 'decentralisatie_uitkering', 'bijzondere_fondsuitkering', 'specifieke_uitkering', 'regio_deal', 'overig');--> statement-breakpoint
CREATE TYPE "public"."finance_layer" AS ENUM('gemeenten', 'provincies', 'waterschappen');--> statement-breakpoint
CREATE TYPE "public"."finance_nature" AS ENUM('structureel', 'incidenteel');--> statement-breakpoint
CREATE TABLE "arrangement_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrangement_mark" (
	"arrangement_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"schedule_version" integer NOT NULL,
	"verdict" "figure_verdict" NOT NULL,
	"note" text,
	"person_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arrangement_mark_arrangement_id_party_pk" PRIMARY KEY("arrangement_id","party")
);
--> statement-breakpoint
CREATE TABLE "budget_moment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "budget_moment_kind" NOT NULL,
	"year" integer NOT NULL,
	"published_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_moment_year" CHECK ("budget_moment"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "circular_amount" (
	"circular_id" uuid NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circular_amount_circular_id_arrangement_id_year_pk" PRIMARY KEY("circular_id","arrangement_id","year"),
	CONSTRAINT "circular_amount_year" CHECK ("circular_amount"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "circular" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "circular_kind" NOT NULL,
	"year" integer NOT NULL,
	"published_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "circular_year" CHECK ("circular"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "finance_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"reason" text NOT NULL,
	"budget_moment_id" uuid,
	"known_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid NOT NULL,
	"corrects_id" uuid
);
--> statement-breakpoint
CREATE TABLE "finance_entry_line" (
	"entry_id" uuid NOT NULL,
	"arrangement_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"delta_cents" bigint NOT NULL,
	"known_at" timestamp with time zone NOT NULL,
	CONSTRAINT "finance_entry_line_entry_id_year_pk" PRIMARY KEY("entry_id","year"),
	CONSTRAINT "finance_entry_line_year" CHECK ("finance_entry_line"."year" between 2000 and 2100),
	CONSTRAINT "finance_entry_line_change" CHECK ("finance_entry_line"."delta_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "finance_task_agreement" (
	"task_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	CONSTRAINT "finance_task_agreement_task_id_agreement_id_pk" PRIMARY KEY("task_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "finance_task_arrangement" (
	"task_id" uuid NOT NULL,
	"arrangement_id" uuid NOT NULL,
	CONSTRAINT "finance_task_arrangement_task_id_arrangement_id_pk" PRIMARY KEY("task_id","arrangement_id")
);
--> statement-breakpoint
CREATE TABLE "finance_task_need" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"party" "party" NOT NULL,
	"year" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"source" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_task_need_year" CHECK ("finance_task_need"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "finance_task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"law" text NOT NULL,
	"layers" "finance_layer"[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"feasibility_status" "feasibility_status" DEFAULT 'niet_gestart' NOT NULL,
	"feasibility_outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "financial_arrangement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "financial_arrangement_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"instrument" "finance_instrument" NOT NULL,
	"layer" "finance_layer" NOT NULL,
	"nature" "finance_nature" NOT NULL,
	"status" "arrangement_status" DEFAULT 'voorgesteld' NOT NULL,
	"budget_moment_id" uuid,
	"source_document" text,
	"processed_circular_id" uuid,
	"processed_budget_law" text,
	"expected_circular_kind" "circular_kind",
	"expected_circular_year" integer,
	"agreement_id" uuid,
	"decision_id" uuid,
	"agenda_item_id" uuid,
	"replaces_id" uuid,
	"lapse_reason" text,
	"confidentiality" "confidentiality" DEFAULT 'vertrouwelijk' NOT NULL,
	"schedule_version" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('dutch', coalesce(title, '')), 'A') || setweight(to_tsvector('dutch', coalesce(description, '')), 'B') || setweight(to_tsvector('dutch', coalesce(source_document, '') || ' ' || coalesce(processed_budget_law, '')), 'C')) STORED,
	CONSTRAINT "financial_arrangement_expected_pair" CHECK (("financial_arrangement"."expected_circular_kind" is null) = ("financial_arrangement"."expected_circular_year" is null)),
	CONSTRAINT "financial_arrangement_vervallen_reason" CHECK (("financial_arrangement"."status" = 'vervallen') = ("financial_arrangement"."lapse_reason" is not null)),
	CONSTRAINT "financial_arrangement_processed_where" CHECK ("financial_arrangement"."status" not in ('verwerkt', 'uitbetaald') or "financial_arrangement"."processed_circular_id" is not null or "financial_arrangement"."processed_budget_law" is not null),
	CONSTRAINT "financial_arrangement_not_itself" CHECK ("financial_arrangement"."replaces_id" <> "financial_arrangement"."id")
);
--> statement-breakpoint
ALTER TABLE "arrangement_comment" ADD CONSTRAINT "arrangement_comment_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_comment" ADD CONSTRAINT "arrangement_comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_comment" ADD CONSTRAINT "arrangement_comment_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_mark" ADD CONSTRAINT "arrangement_mark_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_mark" ADD CONSTRAINT "arrangement_mark_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_amount" ADD CONSTRAINT "circular_amount_circular_id_circular_id_fk" FOREIGN KEY ("circular_id") REFERENCES "public"."circular"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_amount" ADD CONSTRAINT "circular_amount_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular_amount" ADD CONSTRAINT "circular_amount_entered_by_person_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circular" ADD CONSTRAINT "circular_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry" ADD CONSTRAINT "finance_entry_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry" ADD CONSTRAINT "finance_entry_budget_moment_id_budget_moment_id_fk" FOREIGN KEY ("budget_moment_id") REFERENCES "public"."budget_moment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry" ADD CONSTRAINT "finance_entry_recorded_by_person_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry" ADD CONSTRAINT "finance_entry_corrects_id_finance_entry_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."finance_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry_line" ADD CONSTRAINT "finance_entry_line_entry_id_finance_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."finance_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_entry_line" ADD CONSTRAINT "finance_entry_line_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_agreement" ADD CONSTRAINT "finance_task_agreement_task_id_finance_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."finance_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_agreement" ADD CONSTRAINT "finance_task_agreement_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_arrangement" ADD CONSTRAINT "finance_task_arrangement_task_id_finance_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."finance_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_arrangement" ADD CONSTRAINT "finance_task_arrangement_arrangement_id_financial_arrangement_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_need" ADD CONSTRAINT "finance_task_need_task_id_finance_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."finance_task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task_need" ADD CONSTRAINT "finance_task_need_reported_by_person_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_task" ADD CONSTRAINT "finance_task_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_budget_moment_id_budget_moment_id_fk" FOREIGN KEY ("budget_moment_id") REFERENCES "public"."budget_moment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_processed_circular_id_circular_id_fk" FOREIGN KEY ("processed_circular_id") REFERENCES "public"."circular"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_agreement_id_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_replaces_id_financial_arrangement_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."financial_arrangement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "financial_arrangement" ADD CONSTRAINT "financial_arrangement_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "arrangement_comment_arrangement_idx" ON "arrangement_comment" USING btree ("arrangement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_moment_kind_year_key" ON "budget_moment" USING btree ("kind","year");--> statement-breakpoint
CREATE INDEX "circular_amount_arrangement_idx" ON "circular_amount" USING btree ("arrangement_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "circular_kind_year_key" ON "circular" USING btree ("kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "finance_entry_sequence_key" ON "finance_entry" USING btree ("arrangement_id","sequence");--> statement-breakpoint
CREATE INDEX "finance_entry_known_at_idx" ON "finance_entry" USING btree ("known_at");--> statement-breakpoint
CREATE INDEX "finance_entry_line_arrangement_idx" ON "finance_entry_line" USING btree ("arrangement_id","year");--> statement-breakpoint
CREATE INDEX "finance_entry_line_known_at_idx" ON "finance_entry_line" USING btree ("known_at");--> statement-breakpoint
CREATE INDEX "finance_task_arrangement_idx" ON "finance_task_arrangement" USING btree ("arrangement_id");--> statement-breakpoint
CREATE INDEX "finance_task_need_idx" ON "finance_task_need" USING btree ("task_id","party","year","reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "financial_arrangement_number_key" ON "financial_arrangement" USING btree ("number");--> statement-breakpoint
CREATE INDEX "financial_arrangement_agreement_idx" ON "financial_arrangement" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "financial_arrangement_decision_idx" ON "financial_arrangement" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "financial_arrangement_item_idx" ON "financial_arrangement" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "financial_arrangement_kind_idx" ON "financial_arrangement" USING btree ("layer","instrument");--> statement-breakpoint
CREATE INDEX "financial_arrangement_search_idx" ON "financial_arrangement" USING gin ("search");--> statement-breakpoint
-- The ledger is append-only, as the event log is (0002): a schedule changes by a new entry, a
-- correction is a new entry, and the database refuses to change or remove an entry or a line, or a
-- koepel's reported need. Written by hand: drizzle-kit does not model triggers.
CREATE FUNCTION finance_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the finance ledger is append-only: % is not allowed on "%"', TG_OP, TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER finance_entry_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "finance_entry"
	FOR EACH ROW EXECUTE FUNCTION finance_ledger_refuse_change();--> statement-breakpoint
CREATE TRIGGER finance_entry_no_truncate
	BEFORE TRUNCATE ON "finance_entry"
	FOR EACH STATEMENT EXECUTE FUNCTION finance_ledger_refuse_change();--> statement-breakpoint
CREATE TRIGGER finance_entry_line_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "finance_entry_line"
	FOR EACH ROW EXECUTE FUNCTION finance_ledger_refuse_change();--> statement-breakpoint
CREATE TRIGGER finance_entry_line_no_truncate
	BEFORE TRUNCATE ON "finance_entry_line"
	FOR EACH STATEMENT EXECUTE FUNCTION finance_ledger_refuse_change();--> statement-breakpoint
CREATE TRIGGER finance_task_need_no_update_or_delete
	BEFORE UPDATE OR DELETE ON "finance_task_need"
	FOR EACH ROW EXECUTE FUNCTION finance_ledger_refuse_change();
