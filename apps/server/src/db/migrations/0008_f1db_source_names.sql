ALTER TABLE "circuit_details" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "circuit_details" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "circuit_details" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "constructor_details" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "driver_details" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "driver_details" ADD COLUMN "last_name" text;--> statement-breakpoint
ALTER TABLE "driver_details" ADD COLUMN "permanent_number" smallint;