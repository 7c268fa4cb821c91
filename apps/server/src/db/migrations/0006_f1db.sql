CREATE TABLE "chassis" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"constructor_id" integer NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	CONSTRAINT "chassis_ref_unique" UNIQUE("ref"),
	CONSTRAINT "chassis_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "continents" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"demonym" text NOT NULL,
	CONSTRAINT "continents_ref_unique" UNIQUE("ref"),
	CONSTRAINT "continents_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"alpha2_code" text NOT NULL,
	"alpha3_code" text NOT NULL,
	"ioc_code" text,
	"name" text NOT NULL,
	"demonym" text,
	"continent_id" integer NOT NULL,
	CONSTRAINT "countries_ref_unique" UNIQUE("ref"),
	CONSTRAINT "countries_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "engine_manufacturers" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"name" text NOT NULL,
	"country_id" integer,
	CONSTRAINT "engine_manufacturers_ref_unique" UNIQUE("ref"),
	CONSTRAINT "engine_manufacturers_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "engines" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"capacity" double precision,
	"configuration" text,
	"aspiration" text,
	CONSTRAINT "engines_ref_unique" UNIQUE("ref"),
	CONSTRAINT "engines_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "entrants" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "entrants_ref_unique" UNIQUE("ref"),
	CONSTRAINT "entrants_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "grands_prix" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"abbreviation" text NOT NULL,
	"country_id" integer,
	CONSTRAINT "grands_prix_ref_unique" UNIQUE("ref"),
	CONSTRAINT "grands_prix_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "tyre_manufacturers" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref" text NOT NULL,
	"f1db_id" text NOT NULL,
	"name" text NOT NULL,
	"country_id" integer,
	CONSTRAINT "tyre_manufacturers_ref_unique" UNIQUE("ref"),
	CONSTRAINT "tyre_manufacturers_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "circuit_details" (
	"circuit_id" integer PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"previous_names" text[],
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"place_name" text NOT NULL,
	"country_id" integer,
	"length" double precision NOT NULL,
	"turns" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "circuit_layouts" (
	"id" serial PRIMARY KEY NOT NULL,
	"f1db_id" text NOT NULL,
	"circuit_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"length" double precision NOT NULL,
	"turns" smallint NOT NULL,
	"effective" boolean,
	CONSTRAINT "circuit_layouts_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "constructor_chronology" (
	"constructor_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"member_constructor_id" integer NOT NULL,
	"year_from" smallint NOT NULL,
	"year_to" smallint,
	CONSTRAINT "constructor_chronology_constructor_id_ordinal_pk" PRIMARY KEY("constructor_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "constructor_details" (
	"constructor_id" integer PRIMARY KEY NOT NULL,
	"full_name" text NOT NULL,
	"country_id" integer
);
--> statement-breakpoint
CREATE TABLE "driver_details" (
	"driver_id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"abbreviation" text,
	"gender" text,
	"date_of_death" date,
	"place_of_birth" text,
	"country_of_birth_id" integer,
	"nationality_country_id" integer,
	"second_nationality_country_id" integer
);
--> statement-breakpoint
CREATE TABLE "driver_relations" (
	"driver_id" integer NOT NULL,
	"related_driver_id" integer NOT NULL,
	"type" text NOT NULL,
	CONSTRAINT "driver_relations_driver_id_related_driver_id_type_pk" PRIMARY KEY("driver_id","related_driver_id","type")
);
--> statement-breakpoint
CREATE TABLE "race_details" (
	"race_id" integer PRIMARY KEY NOT NULL,
	"f1db_id" integer NOT NULL,
	"grand_prix_id" integer NOT NULL,
	"official_name" text NOT NULL,
	"qualifying_format" text NOT NULL,
	"sprint_qualifying_format" text,
	"circuit_layout_id" integer,
	"circuit_type" text NOT NULL,
	"direction" text NOT NULL,
	"course_length" double precision NOT NULL,
	"turns" smallint NOT NULL,
	"laps" smallint NOT NULL,
	"distance" double precision NOT NULL,
	"scheduled_laps" smallint,
	"scheduled_distance" double precision,
	"drivers_championship_decider" boolean,
	"constructors_championship_decider" boolean,
	"sprint_race_laps" smallint,
	"sprint_race_distance" double precision,
	"sprint_race_scheduled_laps" smallint,
	"sprint_race_scheduled_distance" double precision,
	"time" text,
	"free_practice1_date" date,
	"free_practice1_time" text,
	"free_practice2_date" date,
	"free_practice2_time" text,
	"free_practice3_date" date,
	"free_practice3_time" text,
	"qualifying_date" date,
	"qualifying_time" text,
	"sprint_qualifying_date" date,
	"sprint_qualifying_time" text,
	"sprint_race_date" date,
	"sprint_race_time" text,
	CONSTRAINT "race_details_f1dbId_unique" UNIQUE("f1db_id")
);
--> statement-breakpoint
CREATE TABLE "season_entrant_drivers" (
	"season_entrant_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"rounds" text,
	"test_driver" boolean NOT NULL,
	CONSTRAINT "season_entrant_drivers_season_entrant_id_ordinal_pk" PRIMARY KEY("season_entrant_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "season_entrants" (
	"id" serial PRIMARY KEY NOT NULL,
	"season" smallint NOT NULL,
	"ordinal" smallint NOT NULL,
	"entrant_id" integer NOT NULL,
	"country_id" integer,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"chassis_ids" integer[] NOT NULL,
	"engine_ids" integer[] NOT NULL,
	"tyre_manufacturer_ids" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "driver_of_the_day" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"percentage" double precision,
	CONSTRAINT "driver_of_the_day_race_id_ordinal_pk" PRIMARY KEY("race_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "f1db_constructor_standings" (
	"season" smallint NOT NULL,
	"race_id" integer,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"points" double precision NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1db_driver_standings" (
	"season" smallint NOT NULL,
	"race_id" integer,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"points" double precision NOT NULL,
	"driver_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "f1db_pit_stops" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"stop" smallint NOT NULL,
	"lap" smallint NOT NULL,
	"time_text" text,
	"time_millis" integer,
	CONSTRAINT "f1db_pit_stops_race_id_ordinal_pk" PRIMARY KEY("race_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "f1db_qualifying_results" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"time_text" text,
	"time_millis" integer,
	"gap_text" text,
	"gap_millis" integer,
	"interval_text" text,
	"interval_millis" integer,
	"laps" smallint,
	"q1_text" text,
	"q1_millis" integer,
	"q2_text" text,
	"q2_millis" integer,
	"q3_text" text,
	"q3_millis" integer,
	CONSTRAINT "f1db_qualifying_results_race_id_kind_ordinal_pk" PRIMARY KEY("race_id","kind","ordinal")
);
--> statement-breakpoint
CREATE TABLE "f1db_race_results" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"laps" smallint,
	"time_text" text,
	"time_millis" integer,
	"gap_text" text,
	"gap_millis" integer,
	"interval_text" text,
	"interval_millis" integer,
	"time_penalty_text" text,
	"time_penalty_millis" integer,
	"reason_retired" text,
	"points" double precision,
	"grid_position_number" smallint,
	"grid_position_text" text,
	"shared_car" boolean,
	"grand_slam" boolean,
	CONSTRAINT "f1db_race_results_race_id_kind_ordinal_pk" PRIMARY KEY("race_id","kind","ordinal")
);
--> statement-breakpoint
CREATE TABLE "fastest_laps" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"lap" smallint,
	"time_text" text,
	"time_millis" integer,
	"gap_text" text,
	"gap_millis" integer,
	"interval_text" text,
	"interval_millis" integer,
	CONSTRAINT "fastest_laps_race_id_ordinal_pk" PRIMARY KEY("race_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "session_classifications" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"session" text NOT NULL,
	"time_text" text,
	"time_millis" integer,
	"gap_text" text,
	"gap_millis" integer,
	"interval_text" text,
	"interval_millis" integer,
	"laps" smallint,
	CONSTRAINT "session_classifications_race_id_session_ordinal_pk" PRIMARY KEY("race_id","session","ordinal")
);
--> statement-breakpoint
CREATE TABLE "starting_grid" (
	"race_id" integer NOT NULL,
	"ordinal" smallint NOT NULL,
	"position_number" smallint,
	"position_text" text NOT NULL,
	"number" smallint NOT NULL,
	"driver_id" integer NOT NULL,
	"constructor_id" integer NOT NULL,
	"engine_manufacturer_id" integer NOT NULL,
	"tyre_manufacturer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"grid_penalty_text" text,
	"grid_penalty_places" smallint,
	"time_text" text,
	"time_millis" integer,
	CONSTRAINT "starting_grid_race_id_kind_ordinal_pk" PRIMARY KEY("race_id","kind","ordinal")
);
--> statement-breakpoint
CREATE TABLE "ambiguous_matches" (
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"reason" text NOT NULL,
	"candidates" jsonb NOT NULL,
	CONSTRAINT "ambiguous_matches_kind_source_source_id_pk" PRIMARY KEY("kind","source","source_id")
);
--> statement-breakpoint
CREATE TABLE "entity_aliases" (
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"alias" text NOT NULL,
	"entity_id" integer NOT NULL,
	CONSTRAINT "entity_aliases_kind_source_alias_pk" PRIMARY KEY("kind","source","alias")
);
--> statement-breakpoint
CREATE TABLE "source_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"season" smallint NOT NULL,
	"round" smallint NOT NULL,
	"race_id" integer NOT NULL,
	"driver_id" integer NOT NULL,
	"field" text NOT NULL,
	"jolpica" text,
	"f1db" text,
	"kept" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_drivers" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "qualifying" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "results" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "sprint_qualifying" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "sprint_results" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "pit_stops" ADD COLUMN "source" text DEFAULT 'jolpica' NOT NULL;--> statement-breakpoint
ALTER TABLE "chassis" ADD CONSTRAINT "chassis_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_continent_id_continents_id_fk" FOREIGN KEY ("continent_id") REFERENCES "public"."continents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engine_manufacturers" ADD CONSTRAINT "engine_manufacturers_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engines" ADD CONSTRAINT "engines_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grands_prix" ADD CONSTRAINT "grands_prix_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tyre_manufacturers" ADD CONSTRAINT "tyre_manufacturers_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_details" ADD CONSTRAINT "circuit_details_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_details" ADD CONSTRAINT "circuit_details_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "circuit_layouts" ADD CONSTRAINT "circuit_layouts_circuit_id_circuits_id_fk" FOREIGN KEY ("circuit_id") REFERENCES "public"."circuits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_chronology" ADD CONSTRAINT "constructor_chronology_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_chronology" ADD CONSTRAINT "constructor_chronology_member_constructor_id_constructors_id_fk" FOREIGN KEY ("member_constructor_id") REFERENCES "public"."constructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_details" ADD CONSTRAINT "constructor_details_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constructor_details" ADD CONSTRAINT "constructor_details_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_details" ADD CONSTRAINT "driver_details_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_details" ADD CONSTRAINT "driver_details_country_of_birth_id_countries_id_fk" FOREIGN KEY ("country_of_birth_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_details" ADD CONSTRAINT "driver_details_nationality_country_id_countries_id_fk" FOREIGN KEY ("nationality_country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_details" ADD CONSTRAINT "driver_details_second_nationality_country_id_countries_id_fk" FOREIGN KEY ("second_nationality_country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_relations" ADD CONSTRAINT "driver_relations_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_relations" ADD CONSTRAINT "driver_relations_related_driver_id_drivers_id_fk" FOREIGN KEY ("related_driver_id") REFERENCES "public"."drivers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "race_details" ADD CONSTRAINT "race_details_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "race_details" ADD CONSTRAINT "race_details_grand_prix_id_grands_prix_id_fk" FOREIGN KEY ("grand_prix_id") REFERENCES "public"."grands_prix"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "race_details" ADD CONSTRAINT "race_details_circuit_layout_id_circuit_layouts_id_fk" FOREIGN KEY ("circuit_layout_id") REFERENCES "public"."circuit_layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrant_drivers" ADD CONSTRAINT "season_entrant_drivers_season_entrant_id_season_entrants_id_fk" FOREIGN KEY ("season_entrant_id") REFERENCES "public"."season_entrants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrant_drivers" ADD CONSTRAINT "season_entrant_drivers_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrants" ADD CONSTRAINT "season_entrants_entrant_id_entrants_id_fk" FOREIGN KEY ("entrant_id") REFERENCES "public"."entrants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrants" ADD CONSTRAINT "season_entrants_country_id_countries_id_fk" FOREIGN KEY ("country_id") REFERENCES "public"."countries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrants" ADD CONSTRAINT "season_entrants_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_entrants" ADD CONSTRAINT "season_entrants_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_of_the_day" ADD CONSTRAINT "driver_of_the_day_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_of_the_day" ADD CONSTRAINT "driver_of_the_day_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_of_the_day" ADD CONSTRAINT "driver_of_the_day_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_of_the_day" ADD CONSTRAINT "driver_of_the_day_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "driver_of_the_day" ADD CONSTRAINT "driver_of_the_day_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_constructor_standings" ADD CONSTRAINT "f1db_constructor_standings_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_constructor_standings" ADD CONSTRAINT "f1db_constructor_standings_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_constructor_standings" ADD CONSTRAINT "f1db_constructor_standings_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_driver_standings" ADD CONSTRAINT "f1db_driver_standings_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_driver_standings" ADD CONSTRAINT "f1db_driver_standings_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_pit_stops" ADD CONSTRAINT "f1db_pit_stops_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_pit_stops" ADD CONSTRAINT "f1db_pit_stops_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_pit_stops" ADD CONSTRAINT "f1db_pit_stops_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_pit_stops" ADD CONSTRAINT "f1db_pit_stops_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_pit_stops" ADD CONSTRAINT "f1db_pit_stops_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_qualifying_results" ADD CONSTRAINT "f1db_qualifying_results_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_qualifying_results" ADD CONSTRAINT "f1db_qualifying_results_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_qualifying_results" ADD CONSTRAINT "f1db_qualifying_results_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_qualifying_results" ADD CONSTRAINT "f1db_qualifying_results_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_qualifying_results" ADD CONSTRAINT "f1db_qualifying_results_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_race_results" ADD CONSTRAINT "f1db_race_results_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_race_results" ADD CONSTRAINT "f1db_race_results_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_race_results" ADD CONSTRAINT "f1db_race_results_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_race_results" ADD CONSTRAINT "f1db_race_results_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "f1db_race_results" ADD CONSTRAINT "f1db_race_results_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fastest_laps" ADD CONSTRAINT "fastest_laps_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fastest_laps" ADD CONSTRAINT "fastest_laps_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fastest_laps" ADD CONSTRAINT "fastest_laps_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fastest_laps" ADD CONSTRAINT "fastest_laps_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fastest_laps" ADD CONSTRAINT "fastest_laps_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_classifications" ADD CONSTRAINT "session_classifications_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_classifications" ADD CONSTRAINT "session_classifications_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_classifications" ADD CONSTRAINT "session_classifications_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_classifications" ADD CONSTRAINT "session_classifications_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_classifications" ADD CONSTRAINT "session_classifications_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_grid" ADD CONSTRAINT "starting_grid_race_id_races_id_fk" FOREIGN KEY ("race_id") REFERENCES "public"."races"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_grid" ADD CONSTRAINT "starting_grid_driver_id_drivers_id_fk" FOREIGN KEY ("driver_id") REFERENCES "public"."drivers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_grid" ADD CONSTRAINT "starting_grid_constructor_id_constructors_id_fk" FOREIGN KEY ("constructor_id") REFERENCES "public"."constructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_grid" ADD CONSTRAINT "starting_grid_engine_manufacturer_id_engine_manufacturers_id_fk" FOREIGN KEY ("engine_manufacturer_id") REFERENCES "public"."engine_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "starting_grid" ADD CONSTRAINT "starting_grid_tyre_manufacturer_id_tyre_manufacturers_id_fk" FOREIGN KEY ("tyre_manufacturer_id") REFERENCES "public"."tyre_manufacturers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grands_prix_name_index" ON "grands_prix" USING btree ("name");--> statement-breakpoint
CREATE INDEX "circuit_layouts_circuit_id_index" ON "circuit_layouts" USING btree ("circuit_id");--> statement-breakpoint
CREATE INDEX "constructor_chronology_member_constructor_id_index" ON "constructor_chronology" USING btree ("member_constructor_id");--> statement-breakpoint
CREATE INDEX "season_entrant_drivers_driver_id_index" ON "season_entrant_drivers" USING btree ("driver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "season_entrants_season_ordinal_index" ON "season_entrants" USING btree ("season","ordinal");--> statement-breakpoint
CREATE INDEX "season_entrants_constructor_id_index" ON "season_entrants" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "season_entrants_entrant_id_index" ON "season_entrants" USING btree ("entrant_id");--> statement-breakpoint
CREATE INDEX "f1db_constructor_standings_season_race_id_index" ON "f1db_constructor_standings" USING btree ("season","race_id");--> statement-breakpoint
CREATE INDEX "f1db_constructor_standings_constructor_id_index" ON "f1db_constructor_standings" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "f1db_driver_standings_season_race_id_index" ON "f1db_driver_standings" USING btree ("season","race_id");--> statement-breakpoint
CREATE INDEX "f1db_driver_standings_driver_id_index" ON "f1db_driver_standings" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "f1db_pit_stops_driver_id_index" ON "f1db_pit_stops" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "f1db_qualifying_results_driver_id_index" ON "f1db_qualifying_results" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "f1db_race_results_driver_id_index" ON "f1db_race_results" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "f1db_race_results_constructor_id_index" ON "f1db_race_results" USING btree ("constructor_id");--> statement-breakpoint
CREATE INDEX "fastest_laps_driver_id_index" ON "fastest_laps" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "session_classifications_driver_id_index" ON "session_classifications" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "starting_grid_driver_id_index" ON "starting_grid" USING btree ("driver_id");--> statement-breakpoint
CREATE INDEX "entity_aliases_kind_alias_index" ON "entity_aliases" USING btree ("kind","alias");--> statement-breakpoint
CREATE INDEX "entity_aliases_kind_entity_id_index" ON "entity_aliases" USING btree ("kind","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_conflicts_kind_race_id_driver_id_field_index" ON "source_conflicts" USING btree ("kind","race_id","driver_id","field");--> statement-breakpoint
CREATE INDEX "source_conflicts_season_index" ON "source_conflicts" USING btree ("season");