ALTER TABLE "circuit_details" ALTER COLUMN "previous_names" SET DATA TYPE jsonb USING to_jsonb("previous_names");--> statement-breakpoint
ALTER TABLE "season_entrants" ALTER COLUMN "chassis_ids" SET DATA TYPE jsonb USING to_jsonb("chassis_ids");--> statement-breakpoint
ALTER TABLE "season_entrants" ALTER COLUMN "engine_ids" SET DATA TYPE jsonb USING to_jsonb("engine_ids");--> statement-breakpoint
ALTER TABLE "season_entrants" ALTER COLUMN "tyre_manufacturer_ids" SET DATA TYPE jsonb USING to_jsonb("tyre_manufacturer_ids");--> statement-breakpoint
ALTER TABLE "f1db_constructor_standings" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;--> statement-breakpoint
ALTER TABLE "f1db_driver_standings" ADD COLUMN "id" serial PRIMARY KEY NOT NULL;