CREATE TYPE "public"."organisation_kind" AS ENUM('rijk', 'ministerie', 'koepel', 'secretariaat');--> statement-breakpoint
CREATE TYPE "public"."party" AS ENUM('rijk', 'vng', 'ipo', 'uvw');--> statement-breakpoint
CREATE TABLE "organisation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"party" "party",
	"tooi_uri" text,
	"website" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_party_matches_kind" CHECK (("organisation"."kind" = 'secretariaat') = ("organisation"."party" is null)),
	CONSTRAINT "organisation_slug_format" CHECK ("organisation"."slug" ~ '^[a-z0-9][a-z0-9-]*$')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_tooi_uri_key" ON "organisation" USING btree ("tooi_uri");