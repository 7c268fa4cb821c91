CREATE TABLE "championship_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"season" smallint NOT NULL,
	"driver_id" integer,
	"constructor_id" integer,
	"adjustment" smallint NOT NULL,
	"points" real,
	"jolpica_api_id" text
);
--> statement-breakpoint
CREATE TABLE "championship_systems" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"driver_best_results" smallint NOT NULL,
	"driver_season_split" smallint NOT NULL,
	"eligibility" smallint NOT NULL,
	"team_best_results" smallint NOT NULL,
	"team_points_per_session" smallint NOT NULL,
	"team_season_split" smallint NOT NULL,
	"jolpica_api_id" text
);
--> statement-breakpoint
CREATE TABLE "point_systems" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"driver_position_points" smallint NOT NULL,
	"driver_fastest_lap" smallint NOT NULL,
	"team_position_points" smallint NOT NULL,
	"team_fastest_lap" smallint NOT NULL,
	"shared_drive" smallint NOT NULL,
	"partial" smallint NOT NULL,
	"is_double_points" boolean DEFAULT false NOT NULL,
	"jolpica_api_id" text
);
--> statement-breakpoint
CREATE TABLE "circuits" (
	"id" serial PRIMARY KEY NOT NULL,
	"circuit_ref" text NOT NULL,
	"name" text NOT NULL,
	"locality" text,
	"country" text,
	"country_code" text,
	"lat" double precision,
	"lng" double precision,
	"altitude" integer,
	"url" text,
	"jolpica_api_id" text,
	CONSTRAINT "circuits_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"year" smallint PRIMARY KEY NOT NULL,
	"url" text,
	"championship_system_id" integer,
	"jolpica_api_id" text,
	CONSTRAINT "seasons_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "constructors" (
	"id" serial PRIMARY KEY NOT NULL,
	"constructor_ref" text NOT NULL,
	"name" text NOT NULL,
	"nationality" text,
	"country_code" text,
	"primary_color" text,
	"url" text,
	"jolpica_api_id" text,
	CONSTRAINT "constructors_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "drivers" (
	"id" serial PRIMARY KEY NOT NULL,
	"driver_ref" text NOT NULL,
	"permanent_number" smallint,
	"code" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date,
	"nationality" text,
	"country_code" text,
	"url" text,
	"jolpica_api_id" text,
	CONSTRAINT "drivers_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "team_drivers" (
	"id" serial PRIMARY KEY NOT NULL,
	"season" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"role" smallint
);
--> statement-breakpoint
CREATE TABLE "race_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"type" text NOT NULL,
	"number" smallint,
	"date" date,
	"time" text,
	"timezone" text,
	"scheduled_laps" smallint,
	"is_cancelled" boolean DEFAULT false NOT NULL,
	"point_system_id" integer,
	"jolpica_api_id" text,
	CONSTRAINT "race_sessions_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "races" (
	"id" serial PRIMARY KEY NOT NULL,
	"season" smallint NOT NULL,
	"round" smallint NOT NULL,
	"circuit_id" integer NOT NULL,
	"name" text NOT NULL,
	"date" date,
	"time" text,
	"url" text,
	"is_cancelled" boolean DEFAULT false NOT NULL,
	"jolpica_api_id" text,
	CONSTRAINT "races_jolpicaApiId_unique" UNIQUE("jolpica_api_id")
);
--> statement-breakpoint
CREATE TABLE "qualifying" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"position" smallint,
	"q1" text,
	"q2" text,
	"q3" text,
	"q1_millis" integer,
	"q2_millis" integer,
	"q3_millis" integer
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"grid" smallint,
	"position" smallint NOT NULL,
	"position_text" text NOT NULL,
	"points" double precision,
	"laps" smallint,
	"time_millis" integer,
	"time_text" text,
	"fastest_lap" smallint,
	"fastest_lap_rank" smallint,
	"fastest_lap_time_millis" integer,
	"fastest_lap_speed" numeric(8, 3),
	"status_id" integer
);
--> statement-breakpoint
CREATE TABLE "sprint_qualifying" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"position" smallint,
	"q1" text,
	"q2" text,
	"q3" text,
	"q1_millis" integer,
	"q2_millis" integer,
	"q3_millis" integer
);
--> statement-breakpoint
CREATE TABLE "sprint_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"grid" smallint,
	"position" smallint NOT NULL,
	"position_text" text NOT NULL,
	"points" double precision,
	"laps" smallint,
	"time_millis" integer,
	"time_text" text,
	"fastest_lap" smallint,
	"fastest_lap_rank" smallint,
	"fastest_lap_time_millis" integer,
	"fastest_lap_speed" numeric(8, 3),
	"status_id" integer
);
--> statement-breakpoint
CREATE TABLE "statuses" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "statuses_status_unique" UNIQUE("status")
);
--> statement-breakpoint
CREATE TABLE "lap_times" (
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"lap" smallint NOT NULL,
	"position" smallint,
	"time_millis" integer,
	CONSTRAINT "lap_times_race_id_driver_id_lap_pk" PRIMARY KEY("race_id","driver_id","lap")
);
--> statement-breakpoint
CREATE TABLE "pit_stops" (
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"stop" smallint NOT NULL,
	"lap" smallint NOT NULL,
	"local_time" text,
	"duration_millis" integer,
	CONSTRAINT "pit_stops_race_id_driver_id_stop_pk" PRIMARY KEY("race_id","driver_id","stop")
);
--> statement-breakpoint
CREATE TABLE "constructor_standings" (
	"race_id" integer NOT NULL,
	"season" smallint NOT NULL,
	"round" smallint NOT NULL,
	"points" double precision NOT NULL,
	"position" smallint,
	"position_text" text NOT NULL,
	"wins" smallint NOT NULL,
	"is_eligible" boolean DEFAULT true NOT NULL,
	"constructor_id" integer NOT NULL,
	CONSTRAINT "constructor_standings_race_id_constructor_id_pk" PRIMARY KEY("race_id","constructor_id")
);
--> statement-breakpoint
CREATE TABLE "driver_standings" (
	"race_id" integer NOT NULL,
	"season" smallint NOT NULL,
	"round" smallint NOT NULL,
	"points" double precision NOT NULL,
	"position" smallint,
	"position_text" text NOT NULL,
	"wins" smallint NOT NULL,
	"is_eligible" boolean DEFAULT true NOT NULL,
	"driver_id" integer NOT NULL,
	CONSTRAINT "driver_standings_race_id_driver_id_pk" PRIMARY KEY("race_id","driver_id")
);
--> statement-breakpoint
CREATE TABLE "data_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"rows" jsonb
);
--> statement-breakpoint
CREATE TABLE "source_documents" (
	"source" text NOT NULL,
	"key" text NOT NULL,
	"etag" text,
	"content_hash" text,
	"status" integer,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "source_documents_source_key_pk" PRIMARY KEY("source","key")
);
--> statement-breakpoint
ALTER TABLE "seasons" ADD CONSTRAINT "seasons_championship_system_id_championship_systems_id_fk" FOREIGN KEY ("championship_system_id") REFERENCES "public"."championship_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_drivers" ADD CONSTRAINT "team_drivers_season_seasons_year_fk" FOREIGN KEY ("season") REFERENCES "public"."seasons"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_drivers" ADD CONSTRAINT "team_drivers_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_drivers" ADD CONSTRAINT "team_drivers_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "race_sessions" ADD CONSTRAINT "race_sessions_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "race_sessions" ADD CONSTRAINT "race_sessions_point_system_id_point_systems_id_fk" FOREIGN KEY ("point_system_id") REFERENCES "public"."point_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "races" ADD CONSTRAINT "races_season_seasons_year_fk" FOREIGN KEY ("season") REFERENCES "public"."seasons"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "races" ADD CONSTRAINT "races_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifying" ADD CONSTRAINT "qualifying_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifying" ADD CONSTRAINT "qualifying_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualifying" ADD CONSTRAINT "qualifying_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_status_id_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD CONSTRAINT "sprint_qualifying_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD CONSTRAINT "sprint_qualifying_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD CONSTRAINT "sprint_qualifying_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_results" ADD CONSTRAINT "sprint_results_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_results" ADD CONSTRAINT "sprint_results_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_results" ADD CONSTRAINT "sprint_results_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sprint_results" ADD CONSTRAINT "sprint_results_status_id_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."statuses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lap_times" ADD CONSTRAINT "lap_times_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lap_times" ADD CONSTRAINT "lap_times_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pit_stops" ADD CONSTRAINT "pit_stops_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pit_stops" ADD CONSTRAINT "pit_stops_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_standings" ADD CONSTRAINT "constructor_standings_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_standings" ADD CONSTRAINT "constructor_standings_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_standings" ADD CONSTRAINT "driver_standings_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_standings" ADD CONSTRAINT "driver_standings_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "championship_adjustments_season_driver_id_constructor_id_adjustment_index" ON "championship_adjustments" USING btree ("season","driver_id","constructor_id","adjustment");--> statement-breakpoint
CREATE UNIQUE INDEX "championship_systems_reference_index" ON "championship_systems" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "point_systems_reference_index" ON "point_systems" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "circuits_circuit_ref_index" ON "circuits" USING btree ("circuit_ref");--> statement-breakpoint
CREATE INDEX "circuits_country_index" ON "circuits" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "constructors_constructor_ref_index" ON "constructors" USING btree ("constructor_ref");--> statement-breakpoint
CREATE INDEX "constructors_name_index" ON "constructors" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "drivers_driver_ref_index" ON "drivers" USING btree ("driver_ref");--> statement-breakpoint
CREATE INDEX "drivers_family_name_index" ON "drivers" USING btree ("family_name");--> statement-breakpoint
CREATE INDEX "drivers_code_index" ON "drivers" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "team_drivers_season_driver_id_constructor_id_index" ON "team_drivers" USING btree ("season","driver_id","constructor_id");--> statement-breakpoint
CREATE INDEX "team_drivers_driver_id_index" ON "team_drivers" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "team_drivers_constructor_id_index" ON "team_drivers" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "race_sessions_race_id_type_index" ON "race_sessions" USING btree ("race_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "races_season_round_index" ON "races" USING btree ("season","round");--> statement-breakpoint
CREATE INDEX "races_circuit_id_index" ON "races" USING btree ("circuit_id");--> statement-breakpoint
CREATE INDEX "races_date_index" ON "races" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "qualifying_race_id_driver_id_constructor_id_number_index" ON "qualifying" USING btree ("race_id","driver_id","constructor_id","number");--> statement-breakpoint
CREATE INDEX "qualifying_race_id_position_index" ON "qualifying" USING btree ("race_id","position");--> statement-breakpoint
CREATE INDEX "qualifying_driver_id_index" ON "qualifying" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "qualifying_constructor_id_index" ON "qualifying" USING btree ("constructor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "results_race_id_driver_id_constructor_id_number_index" ON "results" USING btree ("race_id","driver_id","constructor_id","number");--> statement-breakpoint
CREATE INDEX "results_race_id_position_index" ON "results" USING btree ("race_id","position");--> statement-breakpoint
CREATE INDEX "results_driver_id_index" ON "results" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "results_constructor_id_index" ON "results" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "results_status_id_index" ON "results" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "results_grid_index" ON "results" USING btree ("grid");--> statement-breakpoint
CREATE INDEX "results_fastest_lap_rank_index" ON "results" USING btree ("fastest_lap_rank");--> statement-breakpoint
CREATE UNIQUE INDEX "sprint_qualifying_race_id_driver_id_constructor_id_number_index" ON "sprint_qualifying" USING btree ("race_id","driver_id","constructor_id","number");--> statement-breakpoint
CREATE INDEX "sprint_qualifying_race_id_position_index" ON "sprint_qualifying" USING btree ("race_id","position");--> statement-breakpoint
CREATE INDEX "sprint_qualifying_driver_id_index" ON "sprint_qualifying" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "sprint_qualifying_constructor_id_index" ON "sprint_qualifying" USING btree ("constructor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sprint_results_race_id_driver_id_constructor_id_number_index" ON "sprint_results" USING btree ("race_id","driver_id","constructor_id","number");--> statement-breakpoint
CREATE INDEX "sprint_results_race_id_position_index" ON "sprint_results" USING btree ("race_id","position");--> statement-breakpoint
CREATE INDEX "sprint_results_driver_id_index" ON "sprint_results" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "sprint_results_constructor_id_index" ON "sprint_results" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "sprint_results_status_id_index" ON "sprint_results" USING btree ("status_id");--> statement-breakpoint
CREATE INDEX "lap_times_race_id_lap_position_index" ON "lap_times" USING btree ("race_id","lap","position");--> statement-breakpoint
CREATE INDEX "pit_stops_race_id_lap_index" ON "pit_stops" USING btree ("race_id","lap");--> statement-breakpoint
CREATE INDEX "constructor_standings_season_round_position_index" ON "constructor_standings" USING btree ("season","round","position");--> statement-breakpoint
CREATE INDEX "constructor_standings_constructor_id_season_index" ON "constructor_standings" USING btree ("constructor_id","season");--> statement-breakpoint
CREATE INDEX "driver_standings_season_round_position_index" ON "driver_standings" USING btree ("season","round","position");--> statement-breakpoint
CREATE INDEX "driver_standings_driver_id_season_index" ON "driver_standings" USING btree ("driver_id","season");