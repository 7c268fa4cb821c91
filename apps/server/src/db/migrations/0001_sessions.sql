CREATE TABLE "session_drivers" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"abbreviation" text,
	"broadcast_name" text,
	"first_name" text,
	"last_name" text,
	"full_name" text,
	"team_name" text,
	"team_colour" text,
	"headshot_url" text,
	"country_code" text,
	"reference" text,
	"line" smallint,
	"driver_id" integer,
	CONSTRAINT "session_drivers_session_id_driver_number_pk" PRIMARY KEY("session_id","driver_number")
);
--> statement-breakpoint
CREATE TABLE "session_laps" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"lap_number" smallint NOT NULL,
	"driver" text,
	"time" double precision,
	"lap_time" double precision,
	"stint" smallint,
	"pit_out_time" double precision,
	"pit_in_time" double precision,
	"sector1_time" double precision,
	"sector2_time" double precision,
	"sector3_time" double precision,
	"sector1_session_time" double precision,
	"sector2_session_time" double precision,
	"sector3_session_time" double precision,
	"speed_i_1" double precision,
	"speed_i_2" double precision,
	"speed_fl" double precision,
	"speed_st" double precision,
	"is_personal_best" boolean NOT NULL,
	"compound" text,
	"tyre_life" double precision,
	"fresh_tyre" boolean NOT NULL,
	"team" text,
	"lap_start_time" double precision,
	"lap_start_date" double precision,
	"track_status" text NOT NULL,
	"position" smallint,
	"deleted" boolean,
	"deleted_reason" text,
	"fast_f_1_generated" boolean NOT NULL,
	"is_accurate" boolean NOT NULL,
	CONSTRAINT "session_laps_session_id_driver_number_lap_number_pk" PRIMARY KEY("session_id","driver_number","lap_number")
);
--> statement-breakpoint
CREATE TABLE "session_pit_stops" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"seq" smallint NOT NULL,
	"in_lap" smallint,
	"out_lap" smallint,
	"pit_in_time" double precision,
	"pit_out_time" double precision,
	"pit_lane_time" double precision,
	CONSTRAINT "session_pit_stops_session_id_driver_number_seq_pk" PRIMARY KEY("session_id","driver_number","seq")
);
--> statement-breakpoint
CREATE TABLE "session_race_control" (
	"session_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"utc" text NOT NULL,
	"date" double precision NOT NULL,
	"category" text,
	"message" text,
	"status" text,
	"flag" text,
	"scope" text,
	"sector" smallint,
	"racing_number" text,
	"lap" smallint,
	CONSTRAINT "session_race_control_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_results" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"ord" smallint NOT NULL,
	"position" smallint,
	"classified_position" text,
	"grid_position" smallint,
	"q1" double precision,
	"q2" double precision,
	"q3" double precision,
	"time" double precision,
	"status" text,
	"points" double precision,
	"laps" smallint,
	"driver_ref" text,
	"team_ref" text,
	"source" text NOT NULL,
	CONSTRAINT "session_results_session_id_driver_number_pk" PRIMARY KEY("session_id","driver_number")
);
--> statement-breakpoint
CREATE TABLE "session_status_changes" (
	"session_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"time" double precision NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "session_status_changes_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_stints" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"stint" smallint NOT NULL,
	"compound" text,
	"fresh_tyre" boolean,
	"start_lap" smallint NOT NULL,
	"end_lap" smallint NOT NULL,
	"tyre_age_at_start" double precision,
	"laps" smallint NOT NULL,
	CONSTRAINT "session_stints_session_id_driver_number_stint_pk" PRIMARY KEY("session_id","driver_number","stint")
);
--> statement-breakpoint
CREATE TABLE "session_telemetry" (
	"session_id" integer NOT NULL,
	"driver_number" text NOT NULL,
	"kind" text NOT NULL,
	"codec" text NOT NULL,
	"samples" integer NOT NULL,
	"raw_bytes" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "session_telemetry_session_id_driver_number_kind_pk" PRIMARY KEY("session_id","driver_number","kind")
);
--> statement-breakpoint
CREATE TABLE "session_track_status" (
	"session_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"time" double precision NOT NULL,
	"status" text NOT NULL,
	"message" text NOT NULL,
	CONSTRAINT "session_track_status_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_weather" (
	"session_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"time" double precision NOT NULL,
	"air_temp" double precision,
	"humidity" double precision,
	"pressure" double precision,
	"rainfall" boolean,
	"track_temp" double precision,
	"wind_direction" double precision,
	"wind_speed" double precision,
	CONSTRAINT "session_weather_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"round" smallint NOT NULL,
	"session" text NOT NULL,
	"race_id" integer,
	"archive_path" text,
	"name" text,
	"event_name" text,
	"kind" text,
	"meeting_key" integer,
	"session_key" integer,
	"start_utc" timestamp with time zone,
	"end_utc" timestamp with time zone,
	"gmt_offset" text,
	"state" text DEFAULT 'not_loaded' NOT NULL,
	"job_id" text,
	"stage" text,
	"percent" real,
	"error" text,
	"state_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"loaded_at" timestamp with time zone,
	"data_version" integer DEFAULT 0 NOT NULL,
	"t0" double precision,
	"session_start_time" double precision,
	"total_laps" smallint,
	"split_times" jsonb,
	"info_status" text,
	"jolpica_round" smallint,
	"driver_order" jsonb,
	"has_telemetry" boolean DEFAULT false NOT NULL,
	"issues" jsonb,
	"topic_loads" jsonb,
	"telemetry_bytes" bigint,
	"source_bytes" bigint,
	"load_ms" integer
);
--> statement-breakpoint
ALTER TABLE "session_drivers" ADD CONSTRAINT "session_drivers_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_drivers" ADD CONSTRAINT "session_drivers_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_laps" ADD CONSTRAINT "session_laps_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_pit_stops" ADD CONSTRAINT "session_pit_stops_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_race_control" ADD CONSTRAINT "session_race_control_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_results" ADD CONSTRAINT "session_results_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_status_changes" ADD CONSTRAINT "session_status_changes_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_stints" ADD CONSTRAINT "session_stints_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_telemetry" ADD CONSTRAINT "session_telemetry_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_track_status" ADD CONSTRAINT "session_track_status_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_weather" ADD CONSTRAINT "session_weather_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_drivers_driver_id_index" ON "session_drivers" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "session_laps_session_id_lap_number_index" ON "session_laps" USING btree ("session_id","lap_number");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_year_round_session_index" ON "sessions" USING btree ("year","round","session");--> statement-breakpoint
CREATE INDEX "sessions_race_id_index" ON "sessions" USING btree ("race_id");--> statement-breakpoint
CREATE INDEX "sessions_state_index" ON "sessions" USING btree ("state");