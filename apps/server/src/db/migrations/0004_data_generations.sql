CREATE TABLE "data_generations" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" bigint NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
