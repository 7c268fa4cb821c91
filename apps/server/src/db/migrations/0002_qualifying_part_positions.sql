ALTER TABLE "qualifying" ADD COLUMN "q1_position" smallint;--> statement-breakpoint
ALTER TABLE "qualifying" ADD COLUMN "q2_position" smallint;--> statement-breakpoint
ALTER TABLE "qualifying" ADD COLUMN "q3_position" smallint;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD COLUMN "q1_position" smallint;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD COLUMN "q2_position" smallint;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD COLUMN "q3_position" smallint;