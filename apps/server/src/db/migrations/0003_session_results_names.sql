ALTER TABLE "session_results" ADD COLUMN "abbreviation" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "broadcast_name" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "last_name" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "full_name" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "team_name" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "team_color" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "headshot_url" text;--> statement-breakpoint
ALTER TABLE "session_results" ADD COLUMN "country_code" text;