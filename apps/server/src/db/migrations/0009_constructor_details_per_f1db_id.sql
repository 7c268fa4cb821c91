-- One details row per F1DB constructor (several can be one entity: history/f1db/continuations.ts).
-- Existing rows take their entity's F1DB id; the next F1DB import writes every constructor's row.
ALTER TABLE "constructor_details" ADD COLUMN "f1db_id" text;--> statement-breakpoint
UPDATE "constructor_details" cd SET "f1db_id" = (SELECT min(a."alias") FROM "entity_aliases" a WHERE a."kind" = 'constructor' AND a."source" = 'f1db' AND a."entity_id" = cd."constructor_id");--> statement-breakpoint
DELETE FROM "constructor_details" WHERE "f1db_id" IS NULL;--> statement-breakpoint
ALTER TABLE "constructor_details" DROP CONSTRAINT "constructor_details_pkey";--> statement-breakpoint
ALTER TABLE "constructor_details" ALTER COLUMN "f1db_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "constructor_details" ADD PRIMARY KEY ("f1db_id");--> statement-breakpoint
ALTER TABLE "constructor_details" ADD COLUMN "ordinal" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "constructor_details_constructor_id_index" ON "constructor_details" USING btree ("constructor_id");
