ALTER TABLE "attachment" ALTER COLUMN "item_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment" ADD COLUMN "progress_id" uuid;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_progress_id_agreement_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."agreement_progress"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_progress_idx" ON "attachment" USING btree ("progress_id") WHERE "attachment"."progress_id" is not null;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_one_owner" CHECK (num_nonnulls("attachment"."item_id", "attachment"."progress_id") = 1);