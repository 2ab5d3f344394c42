ALTER TABLE "event" ADD COLUMN "audience" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD COLUMN "audience" text[] GENERATED ALWAYS AS (case when submitted_at is null then array['organisation:' || proposing_organisation_id::text] else array['table'] end) STORED NOT NULL;--> statement-breakpoint
-- Existing events keep who could see them, now as audience keys (src/lib/server/audience.ts). The
-- log refuses every update (0002); this one translation, written by hand, is made with that
-- trigger held off for the length of this migration's transaction.
ALTER TABLE "event" DISABLE TRIGGER "event_log_no_update_or_delete";--> statement-breakpoint
UPDATE "event" SET "audience" = CASE "visibility"
	WHEN 'public' THEN array['public']
	WHEN 'participants' THEN array['table']
	WHEN 'organisation' THEN array_remove(array['organisation:' || "visible_to"::text], NULL)
	WHEN 'person' THEN array_remove(array['person:' || "visible_to"::text], NULL)
	ELSE '{}'::text[]
END;--> statement-breakpoint
ALTER TABLE "event" ENABLE TRIGGER "event_log_no_update_or_delete";--> statement-breakpoint
CREATE INDEX "event_audience_idx" ON "event" USING gin ("audience");--> statement-breakpoint
CREATE INDEX "agenda_item_audience_idx" ON "agenda_item" USING gin ("audience");--> statement-breakpoint
ALTER TABLE "event" DROP COLUMN "visibility";--> statement-breakpoint
ALTER TABLE "event" DROP COLUMN "visible_to";--> statement-breakpoint
DROP TYPE "public"."event_visibility";