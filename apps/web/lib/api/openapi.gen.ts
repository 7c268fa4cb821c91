// GENERATED from the API's OpenAPI document by apps/web/scripts/api-types.mjs — do not edit.
// Regenerate after changing a route or schema: npm run api-types -w apps/web
export interface paths {
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenAPI 3.1 document of this API */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            openapi: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the server process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            version: string;
                            uptimeSeconds: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers (503 otherwise) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                            database: "pglite" | "postgres";
                            cache: {
                                kind: "memory" | "redis";
                                /** @description down = serving uncached */
                                status: "up" | "down";
                            };
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cache/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Forget every cached response (after data was changed outside the API) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            cleared: true;
                            store: string;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/history/ambiguous": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Entities the F1DB import kept apart, and result conflicts between F1DB and Jolpica
         * @description ambiguous: F1DB entities that matched several of ours, or one on some keys only (a race whose date differs): never merged, each kept as its own entity (races: not imported). conflicts: per kind and field, how many results F1DB and Jolpica disagree on (Jolpica is kept: see README, precedence rule).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ambiguous: {
                                /** @description driver, constructor, circuit or race */
                                kind: string;
                                /** @description the source whose entity could not be matched ('f1db') */
                                source: string;
                                /** @description that source's id (F1DB: 'max-verstappen', races '2024/01-bahrain') */
                                sourceId: string;
                                reason: string;
                                /** @description our public ids it could be */
                                candidates: string[];
                            }[];
                            conflicts: {
                                kind: string;
                                field: string;
                                count: number;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every season with its number of rounds and champions */
        get: {
            parameters: {
                query: {
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                year: number;
                                url: string | null;
                                /** @description rounds held (cancelled ones excluded) */
                                rounds: number;
                                /** @description of those, rounds whose Grand Prix results are loaded */
                                roundsWithResults: number;
                                /** @description of those, rounds dated before today (UTC) */
                                roundsDue: number;
                                /**
                                 * SeasonState
                                 * @description complete: the final round has standings. in_progress: every round dated before today has results, rounds are ahead. results_missing: a round dated before today has no results (or the final round no standings): the data is behind. upcoming: nothing run yet. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "complete" | "in_progress" | "results_missing" | "upcoming";
                                /**
                                 * DriverRef
                                 * @description null until the final round has standings
                                 */
                                driverChampion: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                } | null;
                                /** ConstructorRef */
                                constructorChampion: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                } | null;
                                /**
                                 * SeasonLeaders
                                 * @description championship leaders while the season is not decided; null when it is or before any standings
                                 */
                                leaders: {
                                    /** @description the latest round with standings */
                                    afterRound: number;
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    } | null;
                                    /**
                                     * ConstructorRef
                                     * @description null before 1958 (no constructors’ championship)
                                     */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    } | null;
                                } | null;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest and the next race by date, and the latest race with results
         * @description Races are placed by their date against the server's UTC date (or `date`), not by which rounds have results.
         */
        get: {
            parameters: {
                query?: {
                    /** @description look from this day (YYYY-MM-DD) instead of today */
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date
                             * @description the day looked from (the server's UTC date unless asked)
                             */
                            date: string;
                            /**
                             * RaceSummary
                             * @description the last race dated before this day (or on it, once it has results), cancelled races excluded; its winner is null while its results are not loaded
                             */
                            latestRace: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            } | null;
                            /**
                             * RaceSummary
                             * @description the last race up to this day whose results are loaded (the same as latestRace once those are in)
                             */
                            latestResults: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            } | null;
                            /**
                             * RaceSummary
                             * @description the first race dated after this day, or on it while it has no results
                             */
                            nextRace: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            } | null;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seasons/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One season: its races (with winners) and the standings after its latest round */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            url: string | null;
                            races: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            }[];
                            /**
                             * Standings
                             * @description after the latest round with standings; null if none
                             */
                            standings: {
                                season: number;
                                /** @description standings after this round */
                                round: number;
                                drivers: {
                                    position: number | null;
                                    /** @description position, or '-' / 'E' / 'D' for unplaced entries */
                                    positionText: string;
                                    points: number;
                                    wins: number;
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** @description teams driven for up to this round */
                                    constructors: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    }[];
                                }[];
                                constructors: {
                                    position: number | null;
                                    positionText: string;
                                    points: number;
                                    wins: number;
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                }[];
                            } | null;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/standings/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Driver and constructor standings after a round (default: the latest round with standings) */
        get: {
            parameters: {
                query?: {
                    /** @description round within the season */
                    round?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            season: number;
                            /** @description standings after this round */
                            round: number;
                            drivers: {
                                position: number | null;
                                /** @description position, or '-' / 'E' / 'D' for unplaced entries */
                                positionText: string;
                                points: number;
                                wins: number;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** @description teams driven for up to this round */
                                constructors: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                }[];
                            }[];
                            constructors: {
                                position: number | null;
                                positionText: string;
                                points: number;
                                wins: number;
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seasons/{year}/standings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Same as /standings/{year} */
        get: {
            parameters: {
                query?: {
                    /** @description round within the season */
                    round?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            season: number;
                            /** @description standings after this round */
                            round: number;
                            drivers: {
                                position: number | null;
                                /** @description position, or '-' / 'E' / 'D' for unplaced entries */
                                positionText: string;
                                points: number;
                                wins: number;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** @description teams driven for up to this round */
                                constructors: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                }[];
                            }[];
                            constructors: {
                                position: number | null;
                                positionText: string;
                                points: number;
                                wins: number;
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/races": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Races in calendar order, optionally of one season */
        get: {
            parameters: {
                query: {
                    /** @description season, e.g. 2023 */
                    season?: number;
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/races/{year}/{round}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One race: schedule, results, qualifying, sprint, pit stops and every lap */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            season: number;
                            round: number;
                            name: string;
                            /**
                             * Format: date
                             * @description ISO date, YYYY-MM-DD
                             */
                            date: string | null;
                            /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                            time: string | null;
                            isCancelled: boolean;
                            /**
                             * RaceState
                             * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                             * @enum {string}
                             */
                            state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                            /** CircuitRef */
                            circuit: {
                                /** @description public id, e.g. monaco */
                                id: string;
                                name: string;
                                locality: string | null;
                                country: string | null;
                            };
                            /** @description null before the race is run or when no results are loaded */
                            winner: {
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                            } | null;
                            url: string | null;
                            /**
                             * RaceDetails
                             * @description F1DB facts about the weekend; null when only Jolpica knows the race
                             */
                            details: {
                                officialName: string;
                                grandPrix: {
                                    id: string;
                                    name: string;
                                };
                                /** @description F1DB's layout id, e.g. monaco-6 (see the circuit's layouts) */
                                circuitLayout: string | null;
                                /** @description RACE, ROAD or STREET */
                                circuitType: string;
                                /** @description CLOCKWISE or ANTI_CLOCKWISE */
                                direction: string;
                                courseLengthKm: number;
                                turns: number;
                                laps: number;
                                distanceKm: number;
                                /** @description when the race was shortened */
                                scheduledLaps: number | null;
                                /** @description F1DB's: KNOCKOUT, ONE_LAP, TWO_SESSION, FOUR_LAPS, AGGREGATE… */
                                qualifyingFormat: string;
                            } | null;
                            sessions: {
                                /** @description Jolpica session code: FP1–FP3, Q1–Q3 or QB, SQ1–SQ3, SR (sprint), R… */
                                type: string;
                                number: number | null;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                            }[];
                            results: {
                                /** @description finishing order, also for unclassified cars */
                                position: number;
                                /** @description '1'… when classified, else R retired, D disqualified, E excluded, W withdrew, F failed to qualify, N not classified */
                                positionText: string;
                                /** @description car number */
                                number: number | null;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description 0 = pit lane start */
                                grid: number | null;
                                laps: number | null;
                                status: string | null;
                                /** @description total race time, milliseconds */
                                timeMillis: number | null;
                                /** @description the winner's time or the gap, as published ('+5.123') */
                                timeText: string | null;
                                points: number | null;
                                /** FastestLap */
                                fastestLap: {
                                    lap: number | null;
                                    rank: number | null;
                                    /** @description lap time, milliseconds */
                                    timeMillis: number | null;
                                    /** @description average speed of the lap, km/h */
                                    speedKph: number | null;
                                } | null;
                            }[];
                            qualifying: {
                                position: number | null;
                                number: number | null;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description best Q1 time, milliseconds */
                                q1Millis: number | null;
                                /** @description best Q2 time, milliseconds */
                                q2Millis: number | null;
                                /** @description best Q3 time, milliseconds */
                                q3Millis: number | null;
                            }[];
                            sprint: {
                                /** @description finishing order, also for unclassified cars */
                                position: number;
                                /** @description '1'… when classified, else R retired, D disqualified, E excluded, W withdrew, F failed to qualify, N not classified */
                                positionText: string;
                                /** @description car number */
                                number: number | null;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description 0 = pit lane start */
                                grid: number | null;
                                laps: number | null;
                                status: string | null;
                                /** @description total race time, milliseconds */
                                timeMillis: number | null;
                                /** @description the winner's time or the gap, as published ('+5.123') */
                                timeText: string | null;
                                points: number | null;
                                /** FastestLap */
                                fastestLap: {
                                    lap: number | null;
                                    rank: number | null;
                                    /** @description lap time, milliseconds */
                                    timeMillis: number | null;
                                    /** @description average speed of the lap, km/h */
                                    speedKph: number | null;
                                } | null;
                            }[];
                            sprintQualifying: {
                                position: number | null;
                                number: number | null;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description best Q1 time, milliseconds */
                                q1Millis: number | null;
                                /** @description best Q2 time, milliseconds */
                                q2Millis: number | null;
                                /** @description best Q3 time, milliseconds */
                                q3Millis: number | null;
                            }[];
                            /** @description the race grid as lined up, with penalties applied */
                            startingGrid: {
                                /** @description null when not classified */
                                position: number | null;
                                /** @description the position, or F1DB's code: DNF, DNS, DNQ, DNPQ, DSQ, EX, NC, PL (pit lane)… */
                                positionText: string;
                                /** @description car number */
                                number: number;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description the penalty as F1DB states it: places ('5') or a code ('SFB' = start from the back) */
                                gridPenalty: string | null;
                                /** @description places, when the penalty is a number */
                                gridPenaltyPlaces: number | null;
                                /** @description the time the place came from, milliseconds */
                                qualifyingTimeMillis: number | null;
                            }[];
                            sprintStartingGrid: {
                                /** @description null when not classified */
                                position: number | null;
                                /** @description the position, or F1DB's code: DNF, DNS, DNQ, DNPQ, DSQ, EX, NC, PL (pit lane)… */
                                positionText: string;
                                /** @description car number */
                                number: number;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description the penalty as F1DB states it: places ('5') or a code ('SFB' = start from the back) */
                                gridPenalty: string | null;
                                /** @description places, when the penalty is a number */
                                gridPenaltyPlaces: number | null;
                                /** @description the time the place came from, milliseconds */
                                qualifyingTimeMillis: number | null;
                            }[];
                            /** @description free practice, warm-up, pre-qualifying and separate qualifying sessions, in weekend order */
                            practice: {
                                /** @description FP1–FP4, WUP (warm-up), PQ (pre-qualifying), Q1/Q2 (separate qualifying sessions before 2006) */
                                session: string;
                                results: {
                                    /** @description null when not classified */
                                    position: number | null;
                                    /** @description the position, or F1DB's code: DNF, DNS, DNQ, DNPQ, DSQ, EX, NC, PL (pit lane)… */
                                    positionText: string;
                                    /** @description car number */
                                    number: number;
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                    /** @description best lap, milliseconds */
                                    timeMillis: number | null;
                                    /** @description to the fastest, milliseconds */
                                    gapMillis: number | null;
                                    laps: number | null;
                                }[];
                            }[];
                            /** @description the fan vote (2016 on), winner first */
                            driverOfTheDay: {
                                position: number;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /** @description share of the vote, %, when published */
                                percentage: number | null;
                            }[];
                            /** @description every car entered: entrant, chassis, engine, tyres */
                            entries: {
                                number: number | null;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                /**
                                 * EntrantRef
                                 * @description the team as entered
                                 */
                                entrant: {
                                    /** @description public id, e.g. oracle_red_bull_racing */
                                    id: string;
                                    name: string;
                                } | null;
                                /** EngineManufacturerRef */
                                engineManufacturer: {
                                    /** @description public id, e.g. honda_rbpt */
                                    id: string;
                                    name: string;
                                } | null;
                                /** @description the chassis the entry used that season (several when it changed) */
                                chassis: {
                                    /** @description public id, e.g. red_bull_rb19 */
                                    id: string;
                                    /** @description e.g. RB19 */
                                    name: string;
                                    fullName: string;
                                }[];
                                engines: {
                                    /** @description public id, e.g. honda_rbpth001_1_6_v6_t_h */
                                    id: string;
                                    name: string;
                                    fullName: string;
                                    /** EngineManufacturerRef */
                                    manufacturer: {
                                        /** @description public id, e.g. honda_rbpt */
                                        id: string;
                                        name: string;
                                    };
                                    /** @description litres */
                                    capacity: number | null;
                                    /** @description e.g. 'V6', 'V10', 'L4' */
                                    configuration: string | null;
                                    /** @description NATURALLY_ASPIRATED, TURBOCHARGED, TURBOCHARGED_HYBRID… */
                                    aspiration: string | null;
                                }[];
                                /** TyreManufacturerRef */
                                tyreManufacturer: {
                                    /** @description public id, e.g. pirelli */
                                    id: string;
                                    name: string;
                                } | null;
                            }[];
                            pitStops: {
                                driverId: string;
                                stop: number;
                                lap: number;
                                /** @description local time of day, HH:MM:SS */
                                localTime: string | null;
                                /** @description time in the pit lane, milliseconds */
                                durationMillis: number | null;
                            }[];
                            /** @description every lap of every driver, ordered by lap then position */
                            laps: {
                                driverId: string;
                                lap: number;
                                position: number | null;
                                /** @description lap time, milliseconds */
                                timeMillis: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drivers by family name; search by name, id or code */
        get: {
            parameters: {
                query: {
                    /** @description search: name, id or code (case and accents ignored) */
                    q?: string;
                    /** @description alias of q */
                    search?: string;
                    /** @description only those entered in this season */
                    season?: number;
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description public id, e.g. max_verstappen */
                                id: string;
                                /** @description three-letter code, e.g. VER */
                                code: string | null;
                                permanentNumber: number | null;
                                givenName: string;
                                familyName: string;
                                nationality: string | null;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                dateOfBirth: string | null;
                                countryCode: string | null;
                                url: string | null;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/drivers/{driverId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One driver with career summary, seasons, teams and every result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description public driver id (Ergast/Jolpica), e.g. max_verstappen */
                    driverId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Driver */
                            driver: {
                                /** @description public id, e.g. max_verstappen */
                                id: string;
                                /** @description three-letter code, e.g. VER */
                                code: string | null;
                                permanentNumber: number | null;
                                givenName: string;
                                familyName: string;
                                nationality: string | null;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                dateOfBirth: string | null;
                                countryCode: string | null;
                                url: string | null;
                            };
                            /**
                             * DriverDetails
                             * @description from F1DB; null for drivers only Jolpica knows
                             */
                            details: {
                                /** @description e.g. Max Emilian Verstappen */
                                fullName: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                dateOfDeath: string | null;
                                placeOfBirth: string | null;
                                /** Country */
                                countryOfBirth: {
                                    /** @description public id, e.g. united_kingdom */
                                    id: string;
                                    name: string;
                                    /** @description ISO 3166-1 alpha-2 */
                                    alpha2Code: string;
                                    /** @description e.g. British */
                                    demonym: string | null;
                                } | null;
                                /** Country */
                                nationality: {
                                    /** @description public id, e.g. united_kingdom */
                                    id: string;
                                    name: string;
                                    /** @description ISO 3166-1 alpha-2 */
                                    alpha2Code: string;
                                    /** @description e.g. British */
                                    demonym: string | null;
                                } | null;
                                /** Country */
                                secondNationality: {
                                    /** @description public id, e.g. united_kingdom */
                                    id: string;
                                    name: string;
                                    /** @description ISO 3166-1 alpha-2 */
                                    alpha2Code: string;
                                    /** @description e.g. British */
                                    demonym: string | null;
                                } | null;
                            } | null;
                            /** @description relatives who also raced in the championship */
                            family: {
                                /** @description what the relative is to this driver, F1DB's terms: PARENT, CHILD, SIBLING, HALF_SIBLING, PARENTS_SIBLING, SIBLINGS_CHILD, GRANDPARENT, … */
                                type: string;
                                /** DriverRef */
                                driver: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                };
                            }[];
                            /** CareerSummary */
                            career: {
                                /** @description Grand Prix started (entries that withdrew or did not start excluded) */
                                starts: number;
                                wins: number;
                                podiums: number;
                                /** @description started first on the grid, as published statistics count poles (qualified first where the grid is not recorded) */
                                poles: number;
                                /** @description races with the fastest lap */
                                fastestLaps: number;
                                /** @description championships won (seasons whose final round has standings) */
                                titles: number;
                                /** @description points scored in races and sprints, before dropped scores */
                                points: number;
                                /**
                                 * BestFinish
                                 * @description best classified finish
                                 */
                                bestFinish: {
                                    position: number;
                                    /** @description how many times (races for a driver, cars for a constructor) */
                                    times: number;
                                } | null;
                                seasons: number[];
                            };
                            /** @description in the order first driven for */
                            teams: {
                                /** @description public id, e.g. red_bull */
                                id: string;
                                name: string;
                                nationality: string | null;
                            }[];
                            seasons: {
                                season: number;
                                constructors: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                }[];
                                /** @description championship position after the latest round with standings */
                                position: number | null;
                                points: number;
                                wins: number;
                            }[];
                            /** @description every Grand Prix result, oldest first */
                            results: {
                                season: number;
                                round: number;
                                raceName: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                grid: number | null;
                                position: number;
                                positionText: string;
                                points: number | null;
                                status: string | null;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/constructors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Constructors by name; search by name, id or nationality */
        get: {
            parameters: {
                query: {
                    /** @description search: name, id or code (case and accents ignored) */
                    q?: string;
                    /** @description alias of q */
                    search?: string;
                    /** @description only those entered in this season */
                    season?: number;
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description public id, e.g. red_bull */
                                id: string;
                                name: string;
                                nationality: string | null;
                                countryCode: string | null;
                                url: string | null;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/constructors/{constructorId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One constructor with career summary, seasons and drivers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description public constructor id (Ergast/Jolpica), e.g. red_bull */
                    constructorId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Constructor */
                            constructor: {
                                /** @description public id, e.g. red_bull */
                                id: string;
                                name: string;
                                nationality: string | null;
                                countryCode: string | null;
                                url: string | null;
                            };
                            /** ConstructorCareer */
                            career: {
                                /** @description Grands Prix with at least one of its cars starting */
                                starts: number;
                                wins: number;
                                podiums: number;
                                /** @description started first on the grid, as published statistics count poles (qualified first where the grid is not recorded) */
                                poles: number;
                                /** @description races with the fastest lap */
                                fastestLaps: number;
                                /** @description championships won (seasons whose final round has standings) */
                                titles: number;
                                /** @description points scored in races and sprints, before dropped scores */
                                points: number;
                                /**
                                 * BestFinish
                                 * @description best classified finish
                                 */
                                bestFinish: {
                                    position: number;
                                    /** @description how many times (races for a driver, cars for a constructor) */
                                    times: number;
                                } | null;
                                seasons: number[];
                            };
                            /** @description in the order they first drove for the team */
                            drivers: {
                                /** @description public id, e.g. max_verstappen */
                                id: string;
                                /** @description three-letter code, e.g. VER */
                                code: string | null;
                                permanentNumber: number | null;
                                givenName: string;
                                familyName: string;
                                nationality: string | null;
                            }[];
                            seasons: {
                                season: number;
                                drivers: {
                                    /** @description public id, e.g. max_verstappen */
                                    id: string;
                                    /** @description three-letter code, e.g. VER */
                                    code: string | null;
                                    permanentNumber: number | null;
                                    givenName: string;
                                    familyName: string;
                                    nationality: string | null;
                                }[];
                                position: number | null;
                                points: number;
                                wins: number;
                            }[];
                            /** ConstructorDetails */
                            details: {
                                fullName: string;
                                /** Country */
                                country: {
                                    /** @description public id, e.g. united_kingdom */
                                    id: string;
                                    name: string;
                                    /** @description ISO 3166-1 alpha-2 */
                                    alpha2Code: string;
                                    /** @description e.g. British */
                                    demonym: string | null;
                                } | null;
                            } | null;
                            /** @description the lineage the team belongs to, oldest first (e.g. Toleman → Benetton → Renault → Lotus → Renault → Alpine); empty when it has none */
                            chronology: {
                                /** @description F1DB's name of the step: RB's lineage ends 'RB' (2024) → 'Racing Bulls' (2025–), one constructor for Jolpica (`rb`) */
                                name: string;
                                /** ConstructorRef */
                                constructor: {
                                    /** @description public id, e.g. red_bull */
                                    id: string;
                                    name: string;
                                    nationality: string | null;
                                };
                                yearFrom: number;
                                /** @description null while current */
                                yearTo: number | null;
                            }[];
                            /** @description engine manufacturers used, in order of first use */
                            engines: {
                                /** EngineManufacturerRef */
                                manufacturer: {
                                    /** @description public id, e.g. honda_rbpt */
                                    id: string;
                                    name: string;
                                };
                                seasons: number[];
                            }[];
                            /** @description per season: entrant, chassis, engines, tyres */
                            cars: {
                                season: number;
                                entrants: {
                                    /** @description public id, e.g. oracle_red_bull_racing */
                                    id: string;
                                    name: string;
                                }[];
                                engineManufacturers: {
                                    /** @description public id, e.g. honda_rbpt */
                                    id: string;
                                    name: string;
                                }[];
                                chassis: {
                                    /** @description public id, e.g. red_bull_rb19 */
                                    id: string;
                                    /** @description e.g. RB19 */
                                    name: string;
                                    fullName: string;
                                }[];
                                engines: {
                                    /** @description public id, e.g. honda_rbpth001_1_6_v6_t_h */
                                    id: string;
                                    name: string;
                                    fullName: string;
                                    /** EngineManufacturerRef */
                                    manufacturer: {
                                        /** @description public id, e.g. honda_rbpt */
                                        id: string;
                                        name: string;
                                    };
                                    /** @description litres */
                                    capacity: number | null;
                                    /** @description e.g. 'V6', 'V10', 'L4' */
                                    configuration: string | null;
                                    /** @description NATURALLY_ASPIRATED, TURBOCHARGED, TURBOCHARGED_HYBRID… */
                                    aspiration: string | null;
                                }[];
                                tyreManufacturers: {
                                    /** @description public id, e.g. pirelli */
                                    id: string;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/circuits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Circuits by name; search by name, id, locality or country */
        get: {
            parameters: {
                query: {
                    /** @description search: name, id or code (case and accents ignored) */
                    q?: string;
                    /** @description alias of q */
                    search?: string;
                    /** @description only those entered in this season */
                    season?: number;
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description public id, e.g. monaco */
                                id: string;
                                name: string;
                                locality: string | null;
                                country: string | null;
                                countryCode: string | null;
                                lat: number | null;
                                lng: number | null;
                                /** @description metres */
                                altitude: number | null;
                                url: string | null;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/circuits/{circuitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One circuit with every race held there */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description public circuit id (Ergast/Jolpica), e.g. monaco */
                    circuitId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Circuit */
                            circuit: {
                                /** @description public id, e.g. monaco */
                                id: string;
                                name: string;
                                locality: string | null;
                                country: string | null;
                                countryCode: string | null;
                                lat: number | null;
                                lng: number | null;
                                /** @description metres */
                                altitude: number | null;
                                url: string | null;
                            };
                            /**
                             * CircuitDetails
                             * @description from F1DB; null for circuits only Jolpica knows
                             */
                            details: {
                                fullName: string;
                                previousNames: string[];
                                /** @description RACE (permanent), ROAD (closed public roads) or STREET */
                                type: string;
                                /** @description CLOCKWISE or ANTI_CLOCKWISE */
                                direction: string;
                                placeName: string;
                                /** Country */
                                country: {
                                    /** @description public id, e.g. united_kingdom */
                                    id: string;
                                    name: string;
                                    /** @description ISO 3166-1 alpha-2 */
                                    alpha2Code: string;
                                    /** @description e.g. British */
                                    demonym: string | null;
                                } | null;
                                /** @description the current layout */
                                lengthKm: number;
                                /** @description the current layout */
                                turns: number;
                            } | null;
                            /** @description oldest first */
                            layouts: {
                                /** @description F1DB's layout id, e.g. monaco-6 */
                                id: string;
                                lengthKm: number;
                                turns: number;
                                /** @description seasons raced on this layout */
                                seasons: number[];
                            }[];
                            races: {
                                season: number;
                                round: number;
                                name: string;
                                /**
                                 * Format: date
                                 * @description ISO date, YYYY-MM-DD
                                 */
                                date: string | null;
                                /** @description UTC time of day, HH:MM:SS; null when only the day is known */
                                time: string | null;
                                isCancelled: boolean;
                                /**
                                 * RaceState
                                 * @description completed: its Grand Prix results are loaded. awaiting_results: dated before today with no results loaded (the data is behind). upcoming: dated today or later with no results. cancelled: not held. "Today" is the server's UTC date.
                                 * @enum {string}
                                 */
                                state: "completed" | "awaiting_results" | "upcoming" | "cancelled";
                                /** CircuitRef */
                                circuit: {
                                    /** @description public id, e.g. monaco */
                                    id: string;
                                    name: string;
                                    locality: string | null;
                                    country: string | null;
                                };
                                /** @description null before the race is run or when no results are loaded */
                                winner: {
                                    /** DriverRef */
                                    driver: {
                                        /** @description public id, e.g. max_verstappen */
                                        id: string;
                                        /** @description three-letter code, e.g. VER */
                                        code: string | null;
                                        permanentNumber: number | null;
                                        givenName: string;
                                        familyName: string;
                                        nationality: string | null;
                                    };
                                    /** ConstructorRef */
                                    constructor: {
                                        /** @description public id, e.g. red_bull */
                                        id: string;
                                        name: string;
                                        nationality: string | null;
                                    };
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finishing statuses with how many Grand Prix results had each */
        get: {
            parameters: {
                query: {
                    /** @description season, e.g. 2023 */
                    season?: number;
                    /** @description page size (1–1000) */
                    limit: number;
                    /** @description rows to skip */
                    offset: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                statusId: number;
                                status: string;
                                /** @description Grand Prix results with this status (in the season, when filtered) */
                                count: number;
                            }[];
                            /** @description rows matching, over all pages */
                            total: number;
                            limit: number;
                            offset: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/races/{year}/{round}/overtakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A race's overtakes from history lap times (on-track, pit cycle, retirements, classification changes) */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            season: number;
                            round: number;
                            raceName: string;
                            /** @description laps with lap-end positions (0: the race has no lap times) */
                            laps: number;
                            method: string;
                            drivers: {
                                driver: string;
                                startRank: number | null;
                                finalRank: number | null;
                                /** @description on-track passes made */
                                made: number;
                                /** @description on-track passes suffered */
                                suffered: number;
                                pitCycleGained: number;
                                pitCycleLost: number;
                                retirementGained: number;
                                otherGained: number;
                                otherLost: number;
                            }[];
                            perLap: {
                                lap: number;
                                onTrack: number;
                                pitCycle: number;
                            }[];
                            events: {
                                /** @description lap at whose end the new order was seen (last lap + 1 = official classification) */
                                lap: number;
                                /** @description who gained the place */
                                driver: string;
                                /** @description who lost it (for retirement: who dropped out) */
                                over: string;
                                /** @enum {string} */
                                kind: "on-track" | "pit-cycle" | "retirement" | "rejoin" | "classification";
                                /** @description sector at whose end the gainer was first ahead (session data only) */
                                sector: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/seasons/{year}/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A season as a driver × round grid: finishing position, points and sprint points of every race */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description season, e.g. 2023 */
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            season: number;
                            rounds: {
                                round: number;
                                raceName: string;
                                date: string | null;
                            }[];
                            drivers: {
                                driverId: string;
                                code: string | null;
                                name: string;
                                constructors: string[];
                                points: number | null;
                                championshipPosition: number | null;
                                /** @description one per round, in round order; null = not entered */
                                cells: ({
                                    position: number;
                                    positionText: string;
                                    points: number;
                                    sprintPoints: number | null;
                                    status: string | null;
                                } | null)[];
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sync F1 history from the Jolpica API in the background
         * @description Queues an incremental sync (only missing or unsettled rounds are fetched) of one season (season), a range (from/to, open ends = the current season) or one round (season + round), and answers 202 with the job. Parameters may be given in the query string or a JSON body. The job id is derived from the seasons (history-sync-2023): while it is queued or running, the same job is returned. Poll GET /api/v1/jobs/{id}.
         */
        post: {
            parameters: {
                query?: {
                    /** @description one season */
                    season?: number;
                    /** @description first season of a range (default: the current season) */
                    from?: number;
                    /** @description last season of a range (default: the current season) */
                    to?: number;
                    /** @description only this round (with season) */
                    round?: number;
                    /** @description lap-by-lap times (default true; about 12 requests per race) */
                    laps?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one season */
                        season?: number;
                        /** @description first season of a range (default: the current season) */
                        from?: number;
                        /** @description last season of a range (default: the current season) */
                        to?: number;
                        /** @description only this round (with season) */
                        round?: number;
                        /** @description lap-by-lap times (default true; about 12 requests per race) */
                        laps?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            /** @description false when the same job was already queued or running (that job is returned) */
                            created: boolean;
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/history/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a Jolpica CSV dump in the background
         * @description Queues an import of the dump in dir (a directory on the server; default JOLPICA_DUMP_DIR) and answers 202 with the job (id history-import; while it is queued or running, the same job is returned). Every file is read and checked before one transaction writes; re-importing the same dump changes nothing. A directory that does not exist fails the job at once (no retry). Poll GET /api/v1/jobs/{id}.
         */
        post: {
            parameters: {
                query?: {
                    /** @description server-side directory holding formula_one_*.csv (default: JOLPICA_DUMP_DIR) */
                    dir?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description server-side directory holding formula_one_*.csv (default: JOLPICA_DUMP_DIR) */
                        dir?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            /** @description false when the same job was already queued or running (that job is returned) */
                            created: boolean;
                            job: components["schemas"]["Job"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load (or reload) a session from the F1 live-timing archive in the background
         * @description Needs the admin token unless the API loads sessions on demand (APEX_AUTOLOAD; the session's `onDemand`). Queues a load job and answers 202 with it. The job id is derived from the session (session-2025-20-Q): while it is queued or running, the same job is returned. A reload replaces the stored session in one transaction; if it fails, the previous data stays. Poll GET /api/v1/jobs/{id}, or the session's status.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description season (the live-timing archive starts in 2018) */
                    year: number;
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying/shootout; SS accepted), S, Q or R */
                    session: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background job: state, stage and percent, error reason, result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description derived from the work it does, e.g. session-2025-20-Q */
                            id: string;
                            /** @description job type, e.g. session-load */
                            name: string;
                            state: "queued" | "running" | "done" | "failed";
                            /** @description current step (resolve, fetch, parse, laps, telemetry, encode, store, done) */
                            stage: string | null;
                            percent: number | null;
                            detail: string | null;
                            /** @description why it failed (or why the last attempt failed while a retry is pending) */
                            error: string | null;
                            attempts: number;
                            maxAttempts: number;
                            /** @description what the job produced once done (a load summary: rows, bytes, timings) */
                            result: unknown;
                            data: unknown;
                            createdAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sessions of a season in the live-timing archive, with the state of their data (not loaded, loading with progress, loaded, failed with the reason)
         * @description In round order, then FP1, FP2, FP3, SQ, S, Q, R. Rounds come from history (the race on the event's race day), else from Jolpica's or FastF1's schedule; testing is left out. 404 when the archive has no session of the season.
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                year: number | null;
                                round: number | null;
                                session: string | null;
                                name: string | null;
                                eventName: string | null;
                                eventDate: string | null;
                                kind: string | null;
                                /** Format: date-time */
                                startUtc: string | null;
                                archivePath: string | null;
                                state: string | null;
                                stage: string | null;
                                percent: number | null;
                                jobId: string | null;
                                error: string | null;
                                hasData: boolean | null;
                                /** Format: date-time */
                                loadedAt: string | null;
                                dataVersion: number | null;
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session: schedule, and the state of its data (not loaded, loading with progress, loaded, failed with the reason) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            round: number;
                            session: string;
                            /** @description F1’s session name, e.g. Qualifying, Sprint Shootout */
                            name: string | null;
                            eventName: string | null;
                            /** @description race, qualifying or practice */
                            kind: string | null;
                            archivePath: string | null;
                            /** Format: date-time */
                            startUtc: string | null;
                            /** Format: date-time */
                            endUtc: string | null;
                            status: components["schemas"]["SessionDataStatus"];
                            data: {
                                laps: number;
                                drivers: number;
                                hasTelemetry: boolean;
                                totalLaps: number | null;
                                /**
                                 * Format: date-time
                                 * @description UTC of session time zero
                                 */
                                t0: string | null;
                                /** @description session time (ms) of the start */
                                sessionStartTime: number | null;
                            } | null;
                            /** @description true: this API loads sessions on request without the admin token (POST links.load, or any data endpoint answers 202 with the job); false: loading needs the admin token */
                            onDemand: boolean;
                            links: {
                                load: string;
                                laps: string;
                            };
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/drivers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session’s drivers (F1 driver list), linked to history drivers by racing number */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                driverNumber: string;
                                abbreviation: string | null;
                                broadcastName: string | null;
                                firstName: string | null;
                                lastName: string | null;
                                fullName: string | null;
                                teamName: string | null;
                                teamColor: string | null;
                                headshotUrl: string | null;
                                countryCode: string | null;
                                driverRef: string | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Classification: official results (Jolpica) joined with the driver list, or classified from the laps */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                driverNumber: string | null;
                                broadcastName: string | null;
                                abbreviation: string | null;
                                driverId: string | null;
                                teamName: string | null;
                                teamColor: string | null;
                                teamId: string | null;
                                firstName: string | null;
                                lastName: string | null;
                                fullName: string | null;
                                headshotUrl: string | null;
                                countryCode: string | null;
                                position: number | null;
                                classifiedPosition: string | null;
                                gridPosition: number | null;
                                /** @description ms */
                                q1: number | null;
                                /** @description ms */
                                q2: number | null;
                                /** @description ms */
                                q3: number | null;
                                /** @description ms */
                                time: number | null;
                                status: string | null;
                                points: number | null;
                                laps: number | null;
                                source: string | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/laps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Laps with every column of the engine’s Lap (FastF1’s Laps), filtered
         * @description Filters combine (AND). `quick` applies the 107% rule to the whole session (the engine’s pickQuickLaps), `part` splits qualifying like the engine’s splitQualifyingSessions. `deleted` needs race-control messages; without them the filter answers 400.
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description racing numbers or abbreviations, comma-separated (VER,44) */
                    driver?: string;
                    /** @description alias of driver */
                    drivers?: string;
                    /** @description first lap number */
                    fromLap?: number;
                    /** @description last lap number */
                    toLap?: number;
                    /** @description compounds, comma-separated (SOFT,MEDIUM,HARD,INTERMEDIATE,WET) */
                    compound?: string;
                    /** @description stint numbers, comma-separated */
                    stint?: string;
                    /** @description true: only laps whose times are accurate (FastF1 IsAccurate); false: only the others */
                    accurate?: boolean;
                    /** @description false: laps whose time stands; true: deleted laps */
                    deleted?: boolean;
                    /** @description true: personal bests only */
                    personalBest?: boolean;
                    /** @description true: laps within 107% of the session’s fastest lap (the engine’s pickQuickLaps) */
                    quick?: boolean;
                    /** @description false: leave out in-laps and out-laps; true: only them */
                    pitInOut?: boolean;
                    /** @description track status code(s): 1 green, 2 yellow, 4 SC, 5 red, 6 VSC, 7 VSC ending */
                    trackStatus?: string;
                    /** @description how trackStatus is matched against the codes active during the lap */
                    trackStatusMatch?: "equals" | "contains" | "excludes" | "any" | "none";
                    /** @description qualifying part */
                    part?: "Q1" | "Q2" | "Q3";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description ms */
                                time: number | null;
                                driver: string | null;
                                driverNumber: string;
                                /** @description ms */
                                lapTime: number | null;
                                lapNumber: number;
                                stint: number | null;
                                /** @description ms */
                                pitOutTime: number | null;
                                /** @description ms */
                                pitInTime: number | null;
                                /** @description ms */
                                sector1Time: number | null;
                                /** @description ms */
                                sector2Time: number | null;
                                /** @description ms */
                                sector3Time: number | null;
                                /** @description ms */
                                sector1SessionTime: number | null;
                                /** @description ms */
                                sector2SessionTime: number | null;
                                /** @description ms */
                                sector3SessionTime: number | null;
                                speedI1: number | null;
                                speedI2: number | null;
                                speedFL: number | null;
                                speedST: number | null;
                                isPersonalBest: boolean;
                                compound: string | null;
                                tyreLife: number | null;
                                freshTyre: boolean;
                                team: string | null;
                                /** @description ms */
                                lapStartTime: number | null;
                                /** Format: date-time */
                                lapStartDate: string | null;
                                trackStatus: string;
                                position: number | null;
                                deleted: boolean | null;
                                deletedReason: string | null;
                                fastF1Generated: boolean;
                                isAccurate: boolean;
                                isQuick: boolean;
                                isClean: boolean;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/stints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tyre stints per driver: compound, first and last lap, tyre age at the start, laps */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                driver: string | null;
                                driverNumber: string;
                                stint: number;
                                compound: string | null;
                                freshTyre: boolean | null;
                                startLap: number;
                                endLap: number;
                                tyreAgeAtStart: number | null;
                                laps: number;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/pitstops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pit stops: in-lap, out-lap, pit-lane time (out-lap PitOutTime − in-lap PitInTime) where both are known */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                driver: string | null;
                                driverNumber: string;
                                stop: number | null;
                                inLap: number | null;
                                outLap: number | null;
                                /** @description ms */
                                pitInTime: number | null;
                                /** @description ms */
                                pitOutTime: number | null;
                                /** @description ms */
                                pitLaneTime: number | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/weather": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weather as a time series (one array per quantity; CSV: one row per sample) */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one array per quantity; time is session time (ms) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            time: number[];
                            airTemp: (number | null)[];
                            humidity: (number | null)[];
                            pressure: (number | null)[];
                            rainfall: (boolean | null)[];
                            trackTemp: (number | null)[];
                            windDirection: (number | null)[];
                            windSpeed: (number | null)[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/race-control": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Race-control messages (flags, penalties, deleted lap times, …) */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description messages with `time` on the session clock (ms), the same clock as laps and track status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                date: string | null;
                                /** @description ms */
                                time: number | null;
                                category: string | null;
                                message: string | null;
                                status: string | null;
                                flag: string | null;
                                scope: string | null;
                                sector: number | null;
                                racingNumber: string | null;
                                lap: number | null;
                            }[];
                            /** SessionClock */
                            clock: {
                                /**
                                 * Format: date-time
                                 * @description UTC of session time zero; a message's time = date − t0
                                 */
                                t0: string | null;
                                /** @description archive: fixed by car data (the engine's t0); track-status: where track status changes and the messages announcing them agree; green-light: the green light opening a non-race session at its start; null: no clock, times are null */
                                source: "archive" | "track-status" | "green-light" | null;
                            };
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/track-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Track status changes (1 green, 2 yellow, 4 safety car, 5 red, 6 VSC, 7 VSC ending) */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description ms */
                                time: number | null;
                                status: string | null;
                                message: string | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Position of every driver at the end of every lap (race and sprint; empty for other sessions), for lap charts */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description abbreviation */
                                driver: string | null;
                                driverNumber: string;
                                lapNumber: number;
                                position: number;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gap to the leader and to the car ahead at the end of every lap (race and sprint) */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description abbreviation */
                                driver: string | null;
                                driverNumber: string;
                                lapNumber: number;
                                position: number;
                                /** @description session time (ms) at which the lap was completed */
                                time: number | null;
                                /** @description ms behind the leader at the line */
                                gapToLeader: number | null;
                                /** @description ms behind the car one position ahead */
                                interval: number | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/laps/{driver}/{lap}/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-resolution telemetry of one lap, columnar (one array per channel)
         * @description The engine’s merged lap telemetry (FastF1’s Lap.get_telemetry(): car and position data on the union of their clocks, Distance, DriverAhead), cut to the lap with interpolated edges. Values are rounded to what the sources resolve (see the channels description).
         */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description comma-separated channels (default: all but sessionTime and date; `all` for every one): time, sessionTime, date, distance, relativeDistance, speed, rpm, nGear, throttle, brake, drs, x, y, z, status, driverAhead, distanceToDriverAhead, source */
                    channels?: string;
                    /** @description the x axis, returned first: distance (m) or time (ms since the lap start) */
                    x?: "distance" | "time";
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                    /** @description racing number (4) or abbreviation (NOR) */
                    driver: string;
                    /** @description lap number, or `fastest` (the driver’s fastest personal best) */
                    lap: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            driver: string | null;
                            driverNumber: string;
                            lapNumber: number;
                            lapTime: number | null;
                            /** @description session time (ms) of the lap start; sessionTime = lapStartTime + time */
                            lapStartTime: number | null;
                            /**
                             * Format: date-time
                             * @description UTC of session time zero; date = t0 + sessionTime
                             */
                            t0: string | null;
                            axis: "distance" | "time";
                            samples: number;
                            /** @description one array per channel, axis first. time/sessionTime ms, distance m (0.01), speed km/h, rpm, nGear, throttle %, brake, drs, x/y/z in 1/10 m, status OnTrack/OffTrack, driverAhead racing number, distanceToDriverAhead m, source car/pos/interpolation */
                            channels: {
                                time?: (number | null)[];
                                sessionTime?: (number | null)[];
                                date?: (number | null)[];
                                distance?: (number | null)[];
                                relativeDistance?: (number | null)[];
                                speed?: (number | null)[];
                                rpm?: (number | null)[];
                                nGear?: (number | null)[];
                                throttle?: (number | null)[];
                                brake?: boolean[];
                                drs?: (number | null)[];
                                x?: (number | null)[];
                                y?: (number | null)[];
                                z?: (number | null)[];
                                status?: (string | null)[];
                                driverAhead?: (string | null)[];
                                distanceToDriverAhead?: (number | null)[];
                                source?: (string | null)[];
                            };
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Up to 5 laps on a common distance axis with the time delta to a reference lap and sector deltas
         * @description The engine’s lap comparison: every lap is mapped onto the reference lap’s distance piecewise-linearly between the timing lines (start, sector 1, sector 2, finish), so the delta trace matches the timing’s own sector differences at each line. `drivers=VER,HAM,LEC` compares their fastest laps (or `laps=<n>` for the same lap number); `laps=VER:12,HAM:fastest` names laps explicitly.
         */
        get: {
            parameters: {
                query?: {
                    /** @description up to 5 racing numbers or abbreviations (with laps=fastest or a lap number) */
                    drivers?: string;
                    /** @description `fastest` (default) or a lap number for every driver in `drivers`, or explicit `driver:lap` pairs (VER:12,HAM:fastest) */
                    laps?: string;
                    /** @description reference lap: its index in the list (0-based) or its driver; default the fastest lap */
                    reference?: string;
                    /** @description comma-separated: speed, rpm, throttle, nGear, drs, brake, x, y, z (default speed, throttle, brake, nGear, rpm, drs) */
                    channels?: string;
                    /** @description spacing of the distance axis in metres (sector and finish lines are added exactly) */
                    step?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description common axis: metres along the reference lap from its start line; every lap is mapped onto it piecewise-linearly between the timing lines (the engine’s compareLaps) */
                            distance: number[];
                            /** @description index into laps of the reference lap */
                            reference: number;
                            /** @description where the sector lines fall on the axis */
                            sectorDistances: number[];
                            laps: {
                                /** @description abbreviation */
                                driver: string | null;
                                driverNumber: string;
                                lapNumber: number;
                                lapTime: number | null;
                                compound: string | null;
                                tyreLife: number | null;
                                sectors: (number | null)[];
                                sectorDeltas: (number | null)[];
                                lapTimeDelta: number | null;
                                /** @description timing lines (start, sector1, sector2, finish) at which this lap is pinned to the reference */
                                anchoredAt: string[];
                            }[];
                            channels: {
                                speed?: (number | null)[][];
                                rpm?: (number | null)[][];
                                throttle?: (number | null)[][];
                                nGear?: (number | null)[][];
                                drs?: (number | null)[][];
                                brake?: (number | null)[][];
                                x?: (number | null)[][];
                                y?: (number | null)[][];
                                z?: (number | null)[][];
                            };
                            /** @description elapsed lap time (ms) at each distance, one array per lap */
                            time: (number | null)[][];
                            /** @description time minus the reference lap’s at the same point of the track (ms), one array per lap */
                            delta: (number | null)[][];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Circuit outline from a clean lap’s position data, rotated consistently, with sector lines and speed along it
         * @description The rotation is derived from the outline (smallest bounding rectangle laid landscape, start/finish line in the lower half), so every session of a circuit draws the same way; pass rotation= to use another convention. X/Y are the feed’s units (1/10 m).
         */
        get: {
            parameters: {
                query?: {
                    /** @description take the outline from this driver’s lap (default: the session’s fastest lap) */
                    driver?: string;
                    /** @description lap number or fastest (with driver) */
                    lap?: string;
                    /** @description turn the outline by these degrees instead of the derived rotation */
                    rotation?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description abbreviation */
                            driver: string | null;
                            driverNumber: string;
                            lapNumber: number;
                            lapTime: number | null;
                            /** @description degrees the feed’s X/Y were turned counter-clockwise */
                            rotation: number;
                            rotationSource: "derived" | "request";
                            x: number[];
                            y: number[];
                            distance: number[];
                            speed: (number | null)[];
                            length: number;
                            sectorDistances: number[];
                            /** @description start/finish line, then the sector 1→2 and 2→3 lines */
                            linePoints: {
                                x: number;
                                y: number;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/clean-laps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every lap with its clean-lap verdict, the reasons a lap is left out, and its fuel-corrected time */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** AnalysisParameters */
                            parameters: {
                                clean: {
                                    excludedTrackStatus: string[];
                                    slowThreshold: number;
                                    excludeLap1: boolean;
                                };
                                fuel: {
                                    startKg: number;
                                    burnKgPerLap: number;
                                    effectMsPerKg: number;
                                    /** @enum {string} */
                                    effectSource: "fit" | "prior" | "override";
                                    /** @description why the prior was used */
                                    reason: string | null;
                                    fit: {
                                        msPerKg: number;
                                        standardError: number;
                                        tyreMsPerLap: number;
                                        laps: number;
                                        drivers: number;
                                        stints: number;
                                    } | null;
                                };
                            };
                            items: {
                                driverNumber: string;
                                driver: string | null;
                                lapNumber: number;
                                /** @description ms */
                                lapTime: number | null;
                                /** @description fuel-corrected lap time (ms), clean laps only */
                                correctedLapTime: number | null;
                                clean: boolean;
                                reasons: ("no-time" | "lap-1" | "in-lap" | "out-lap" | "track-status" | "deleted" | "slow")[];
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/pace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Race pace ranking: median fuel-corrected clean lap per driver with its spread, and the laps used */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** AnalysisParameters */
                            parameters: {
                                clean: {
                                    excludedTrackStatus: string[];
                                    slowThreshold: number;
                                    excludeLap1: boolean;
                                };
                                fuel: {
                                    startKg: number;
                                    burnKgPerLap: number;
                                    effectMsPerKg: number;
                                    /** @enum {string} */
                                    effectSource: "fit" | "prior" | "override";
                                    /** @description why the prior was used */
                                    reason: string | null;
                                    fit: {
                                        msPerKg: number;
                                        standardError: number;
                                        tyreMsPerLap: number;
                                        laps: number;
                                        drivers: number;
                                        stints: number;
                                    } | null;
                                };
                            };
                            items: {
                                rank: number;
                                driverNumber: string;
                                driver: string | null;
                                team: string | null;
                                /** @description median fuel-corrected clean lap */
                                medianMs: number;
                                /** @description median raw clean lap */
                                rawMedianMs: number;
                                /** @description interquartile range of corrected clean laps */
                                iqrMs: number;
                                gapToBestMs: number;
                                cleanLaps: number;
                                totalLaps: number;
                                /** @description the clean laps used (for the scatter) */
                                laps: {
                                    lapNumber: number;
                                    lapTime: number;
                                    correctedLapTime: number;
                                    compound: string | null;
                                    tyreLife: number | null;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/degradation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tyre degradation per stint and per compound (Theil–Sen on fuel-corrected clean laps) and compound offsets */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                    /** @description clean laps a stint needs (default 5) */
                    minLaps?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** AnalysisParameters */
                            parameters: {
                                clean: {
                                    excludedTrackStatus: string[];
                                    slowThreshold: number;
                                    excludeLap1: boolean;
                                };
                                fuel: {
                                    startKg: number;
                                    burnKgPerLap: number;
                                    effectMsPerKg: number;
                                    /** @enum {string} */
                                    effectSource: "fit" | "prior" | "override";
                                    /** @description why the prior was used */
                                    reason: string | null;
                                    fit: {
                                        msPerKg: number;
                                        standardError: number;
                                        tyreMsPerLap: number;
                                        laps: number;
                                        drivers: number;
                                        stints: number;
                                    } | null;
                                };
                            };
                            minLaps: number;
                            referenceCompound: string | null;
                            compounds: {
                                compound: string;
                                stints: number;
                                cleanLaps: number;
                                /** @description Theil–Sen slope of corrected clean lap time on tyre age (ms per lap) */
                                slopeMsPerLap: number;
                                /** @description Sen 95% interval, low */
                                slopeLowMsPerLap: number | null;
                                /** @description Sen 95% interval, high */
                                slopeHighMsPerLap: number | null;
                                offsetMs: number | null;
                                offsetDrivers: number;
                            }[];
                            stints: {
                                driverNumber: string;
                                driver: string | null;
                                team: string | null;
                                stint: number;
                                compound: string | null;
                                cleanLaps: number;
                                firstLap: number;
                                lastLap: number;
                                tyreLifeFrom: number;
                                tyreLifeTo: number;
                                /** @description Theil–Sen slope of corrected clean lap time on tyre age (ms per lap) */
                                slopeMsPerLap: number;
                                /** @description Sen 95% interval, low */
                                slopeLowMsPerLap: number | null;
                                /** @description Sen 95% interval, high */
                                slopeHighMsPerLap: number | null;
                                interceptMs: number;
                                points: [
                                    number,
                                    number
                                ][];
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/overtakes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overtakes of a race-like session from TimingData positions: on-track passes (with the sector), pit-cycle changes, retirements */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            drivers: {
                                driver: string;
                                startRank: number | null;
                                finalRank: number | null;
                                /** @description on-track passes made */
                                made: number;
                                /** @description on-track passes suffered */
                                suffered: number;
                                pitCycleGained: number;
                                pitCycleLost: number;
                                retirementGained: number;
                                otherGained: number;
                                otherLost: number;
                            }[];
                            perLap: {
                                lap: number;
                                onTrack: number;
                                pitCycle: number;
                            }[];
                            events: {
                                /** @description lap at whose end the new order was seen (last lap + 1 = official classification) */
                                lap: number;
                                /** @description who gained the place */
                                driver: string;
                                /** @description who lost it (for retirement: who dropped out) */
                                over: string;
                                /** @enum {string} */
                                kind: "on-track" | "pit-cycle" | "retirement" | "rejoin" | "classification";
                                /** @description sector at whose end the gainer was first ahead (session data only) */
                                sector: number | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/racecraft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Racecraft of 2–5 drivers: lap-1 gain, overtakes, places gained, pace vs team-mate, consistency, qualifying gap */
        get: {
            parameters: {
                query: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                    /** @description 2–5 racing numbers or abbreviations, comma-separated */
                    drivers: string;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** AnalysisParameters */
                            parameters: {
                                clean: {
                                    excludedTrackStatus: string[];
                                    slowThreshold: number;
                                    excludeLap1: boolean;
                                };
                                fuel: {
                                    startKg: number;
                                    burnKgPerLap: number;
                                    effectMsPerKg: number;
                                    /** @enum {string} */
                                    effectSource: "fit" | "prior" | "override";
                                    /** @description why the prior was used */
                                    reason: string | null;
                                    fit: {
                                        msPerKg: number;
                                        standardError: number;
                                        tyreMsPerLap: number;
                                        laps: number;
                                        drivers: number;
                                        stints: number;
                                    } | null;
                                };
                            };
                            items: {
                                driver: string;
                                team: string | null;
                                teammate: string | null;
                                gridRank: number | null;
                                finalRank: number | null;
                                lap1Gain: number | null;
                                positionsGained: number | null;
                                overtakesMade: number | null;
                                overtakesSuffered: number | null;
                                paceVsTeammateMs: number | null;
                                consistencyMs: number | null;
                                cleanLaps: number;
                                qualifyingGapToTeammateMs: number | null;
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{year}/{round}/{session}/analytics/heatmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Driver × lap heatmap: each lap against the session's best clean lap, pit and track-status laps marked */
        get: {
            parameters: {
                query?: {
                    /** @description json (default) or csv */
                    format?: "json" | "csv";
                    /** @description track-status codes that make a lap unclean, comma-separated (default 2,4,5,6,7), or `none` */
                    excludeTrackStatus?: string;
                    /** @description laps slower than this × the driver's median clean lap are left out (default 1.07) */
                    slowThreshold?: number;
                    /** @description keep lap 1 (default false) */
                    includeLap1?: boolean;
                    /** @description fuel at the start (default 100 kg race, 35 kg sprint) */
                    startFuelKg?: number;
                    /** @description burn per lap (default start load / scheduled laps; 1.8 kg in practice and qualifying) */
                    burnKgPerLap?: number;
                    /** @description fuel effect in ms per kg: skips the fit */
                    fuelEffect?: number;
                };
                header?: never;
                path: {
                    /** @description season, e.g. 2025 */
                    year: number;
                    /** @description round within the season */
                    round: number;
                    /** @description FP1, FP2, FP3, SQ (sprint qualifying / shootout), S (sprint), Q (qualifying), R (race) */
                    session: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** AnalysisParameters */
                            parameters: {
                                clean: {
                                    excludedTrackStatus: string[];
                                    slowThreshold: number;
                                    excludeLap1: boolean;
                                };
                                fuel: {
                                    startKg: number;
                                    burnKgPerLap: number;
                                    effectMsPerKg: number;
                                    /** @enum {string} */
                                    effectSource: "fit" | "prior" | "override";
                                    /** @description why the prior was used */
                                    reason: string | null;
                                    fit: {
                                        msPerKg: number;
                                        standardError: number;
                                        tyreMsPerLap: number;
                                        laps: number;
                                        drivers: number;
                                        stints: number;
                                    } | null;
                                };
                            };
                            bestCleanLapMs: number | null;
                            lastLap: number;
                            rows: {
                                driverNumber: string;
                                driver: string | null;
                                team: string | null;
                                cells: ({
                                    lapTimeMs: number | null;
                                    deltaMs: number | null;
                                    clean: boolean;
                                    reasons: ("no-time" | "lap-1" | "in-lap" | "out-lap" | "track-status" | "deleted" | "slow")[];
                                } | null)[];
                            }[];
                        };
                    };
                };
                /** @description APEX_AUTOLOAD=true: the session was not loaded; its load is queued (poll the job) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            jobId: string;
                            created: boolean;
                            job: components["schemas"]["Job"];
                            status: components["schemas"]["SessionDataStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the live view shows now: source (live feed, replay, none), session, clock, connection, topics missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what feeds the live view: nothing, the F1 live feed, a replay of an archived session, a recording of the feed */
                            source: "none" | "live" | "replay" | "recording";
                            session: {
                                year: number | null;
                                round: number | null;
                                session: string | null;
                                name: string;
                                /** @description archive path */
                                path: string | null;
                            } | null;
                            /** @description live: the feed connection is up; replay: the session is loaded */
                            connected: boolean;
                            /** @description feed topics not delivered (CarData.z, Position.z… without an F1TV token; for a recording: subscribed topics it never received) */
                            topicsMissing: string[];
                            /** @description an F1TV token is set on the server (it is never sent to clients) */
                            tokenConfigured: boolean;
                            /** @description the recording being played (source recording) */
                            recording: {
                                /** @description file name in the recordings folder */
                                name: string;
                                /** @description apexdata: `apex live record` JSON Lines; fastf1: FastF1 recorder file */
                                format: "apexdata" | "fastf1";
                                lines: number;
                                /** @description lines that could not be read (skipped; the rest plays) */
                                corruptLines: number;
                            } | null;
                            replay: {
                                speed: number | "max";
                                paused: boolean;
                                /** @description position in the session stream, ms */
                                positionMs: number;
                                /** @description length of the session stream, ms */
                                durationMs: number;
                            } | null;
                            /** @description a line for people: "reconnecting to the F1 live feed (…)", "replay ended" */
                            message: string | null;
                            /** @description session clock as the engine extrapolates it (ExtrapolatedClock) */
                            clock: {
                                remainingMs: number | null;
                                running: boolean;
                            } | null;
                            /** @description SSE clients of this API process */
                            clients: number;
                            /** @description how far back delayed views can be served */
                            historySeconds: number;
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The live view as of now − delay: status, timing tower, clock, lap count, track status, race control, weather, car positions */
        get: {
            parameters: {
                query: {
                    /** @description seconds behind real time (broadcast sync, 0–595); every element of the view is delayed alike */
                    delay: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ingester run; SSE ids are `epoch:seq` */
                            epoch: string;
                            /** @description the frame this view follows (0: before the first) */
                            seq: number;
                            /** @description when that frame was published (Unix ms) */
                            at: number | null;
                            /** @description seconds behind real time */
                            delay: number;
                            view: components["schemas"]["LiveView"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: a `snapshot` of the view as of now − delay, then `patch` events (JSON Patch, RFC 6902) with ids
         * @description Every event has an id `epoch:seq`. Reconnect with `Last-Event-ID` (EventSource does it) to resume without missing a patch; a snapshot is sent instead when the frames after it are no longer held or came from another ingester run. The delay is applied on the server: the stream delivers each frame `delay` seconds after it was published, so a page refresh resumes at once at the same delay. Comments (`: keep-alive`) every 15 s. A client that reads too slowly is disconnected (it resumes with Last-Event-ID).
         */
        get: {
            parameters: {
                query: {
                    /** @description seconds behind real time (broadcast sync, 0–595); every element of the view is delayed alike */
                    delay: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recordings of the live feed that can be replayed (APEX_LIVE_RECORDINGS: `apex live record` files and FastF1 recorder files) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            recordings: {
                                /** @description file name: POST /replay {"recording": name} */
                                name: string;
                                bytes: number;
                                /** Format: date-time */
                                modified: string;
                                format: "apexdata" | "fastf1";
                            }[];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay an archived session ({year, round, session}) or a recording of the feed ({recording}) as if live (speed ×1–×100 or max, from a point); refused while the live feed runs */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description either {year, round, session} or {recording} */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description archived session: year, round and session */
                        year?: number;
                        round?: number;
                        /** @description FP1, FP2, FP3, SQ, S, Q, R */
                        session?: "FP1" | "FP2" | "FP3" | "SQ" | "S" | "Q" | "R";
                        /** @description or a recording: a file name of GET /api/v1/live/recordings */
                        recording?: string;
                        /** @description playback speed ×1–×100, or "max" (as fast as possible); default 1 */
                        speed?: number | "max";
                        /**
                         * @description start this many seconds into the session stream
                         * @default 0
                         */
                        from: number;
                        /**
                         * @description load paused at `from`
                         * @default false
                         */
                        paused: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            status: components["schemas"]["LiveStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/live/control": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Control the running replay: pause, resume, seek (to seconds), speed, stop */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: "pause" | "resume" | "seek" | "speed" | "stop";
                        /** @description seek: seconds into the session stream */
                        to?: number;
                        /** @description speed: the new playback speed */
                        speed?: number | "max";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            status: components["schemas"]["LiveStatus"];
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ergast/f1/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ergast/Jolpica-compatible API (any path of its grammar)
         * @description Path: `[{season|current}[/{round|next|last}]/]` then any of `circuits/{id}`, `constructors/{id}`, `drivers/{id}`, `grid/{n}`, `results/{n}`, `fastest/{n}`, `status/{n}`, `laps/{n}`, `qualifying/{n}`, `sprint/{n}`, `driverStandings/{n}`, `constructorStandings/{n}`, ending in one of `seasons`, `races`, `circuits`, `constructors`, `drivers`, `results`, `sprint`, `qualifying`, `laps`, `pitstops`, `status`, `driverStandings`, `constructorStandings` (optionally `/{value}`), with or without `.json`. Example: `/ergast/f1/2023/5/results.json`, `/ergast/f1/drivers/alonso/constructors/renault/grid/1/circuits.json`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description rows per page: default 30, at most 100 */
                    limit?: unknown;
                    /** @description rows to skip (default 0) */
                    offset?: unknown;
                };
                header?: never;
                path: {
                    /** @description the Ergast path, e.g. `2023/5/results.json` */
                    "*": string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ergast MRData envelope: every scalar is a string, empty values are omitted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description plus one `…Table` holding the filter echo and the list */
                            MRData: {
                                xmlns: string;
                                series: string;
                                url: string;
                                limit: string;
                                offset: string;
                                /** @description rows (results, timings, pit stops, standings…), not races */
                                total: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Ergast/Jolpica clients read `detail`; `error` is the ApexData error shape */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Jolpica's text, e.g. 'Bad Request: Unsupported filter for endpoint.' */
                            detail: string;
                            error: {
                                code: string;
                                message: string;
                            };
                        };
                    };
                };
                /** @description Every error the API returns has this shape */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ErrorResponse
         * @description Every error the API returns has this shape
         */
        ErrorResponse: {
            error: {
                /**
                 * @description stable machine-readable code (see src/http/README.md)
                 * @enum {string}
                 */
                code: "APX_ERR_VALIDATION" | "APX_ERR_BAD_REQUEST" | "APX_ERR_UNAUTHORIZED" | "APX_ERR_ROUTE_NOT_FOUND" | "APX_ERR_NOT_FOUND" | "APX_ERR_NOT_LOADED" | "APX_ERR_METHOD_NOT_ALLOWED" | "APX_ERR_NOT_ACCEPTABLE" | "APX_ERR_CONFLICT" | "APX_ERR_PAYLOAD_TOO_LARGE" | "APX_ERR_UNSUPPORTED_MEDIA_TYPE" | "APX_ERR_RATE_LIMITED" | "APX_ERR_CLIENT" | "APX_ERR_INTERNAL" | "APX_ERR_UPSTREAM" | "APX_ERR_ADMIN_DISABLED" | "APX_ERR_NOT_READY" | "APX_ERR_UNAVAILABLE";
                /** @description human-readable explanation */
                message: string;
            };
        };
        /** Job */
        Job: {
            /** @description derived from the work it does, e.g. session-2025-20-Q */
            id: string;
            /** @description job type, e.g. session-load */
            name: string;
            state: "queued" | "running" | "done" | "failed";
            /** @description current step (resolve, fetch, parse, laps, telemetry, encode, store, done) */
            stage: string | null;
            percent: number | null;
            detail: string | null;
            /** @description why it failed (or why the last attempt failed while a retry is pending) */
            error: string | null;
            attempts: number;
            maxAttempts: number;
            /** @description what the job produced once done (a load summary: rows, bytes, timings) */
            result: unknown;
            data: unknown;
            createdAt: string | null;
            finishedAt: string | null;
        };
        /** SessionDataStatus */
        SessionDataStatus: {
            state: "not_loaded" | "loading" | "loaded" | "failed";
            jobId: string | null;
            stage: string | null;
            percent: number | null;
            error: string | null;
            /** @description data of an earlier load can be served (also while reloading or after a failed reload) */
            hasData: boolean;
            loadedAt: string | null;
            dataVersion: number;
            updatedAt: string | null;
        };
        /** LiveView */
        LiveView: {
            status: components["schemas"]["LiveSourceStatus"];
            /** @description feed time of the view (Unix ms) */
            at?: number;
            session?: {
                meeting: string | null;
                name: string | null;
                type: string | null;
                path: string | null;
                status: string | null;
                qualifyingPart: number | null;
            };
            /** @description session clock as the engine extrapolates it (ExtrapolatedClock) */
            clock?: {
                remainingMs: number | null;
                running: boolean;
            };
            lapCount?: {
                current: number | null;
                total: number | null;
            } | null;
            trackStatus?: {
                code: string;
                message: string;
            } | null;
            tower?: {
                kind: "race" | "qualifying" | "practice";
                /** @description qualifying part 1–3 */
                part: number | null;
                /** @description the knock-out line is drawn after this position */
                cutoffAfter: number | null;
                rows: components["schemas"]["LiveTowerRow"][];
            };
            raceControl?: {
                utc: string;
                date: number;
                category: string | null;
                message: string | null;
                status: string | null;
                flag: string | null;
                scope: string | null;
                sector: number | null;
                racingNumber: string | null;
                lap: number | null;
            }[];
            weather?: {
                airTemp: number | null;
                humidity: number | null;
                pressure: number | null;
                rainfall: boolean | null;
                trackTemp: number | null;
                windDirection: number | null;
                windSpeed: number | null;
            } | null;
            positions?: {
                driverNumber: string;
                status: string | null;
                latest: {
                    utc: number;
                    x: number;
                    y: number;
                    z: number;
                };
                previous: {
                    utc: number;
                    x: number;
                    y: number;
                    z: number;
                } | null;
            }[];
            carData?: {
                driverNumber: string;
                utc: number;
                speed: number | null;
                rpm: number | null;
                gear: number | null;
                throttle: number | null;
                brake: number | null;
                drs: number | null;
            }[];
            track?: components["schemas"]["LiveTrack"];
        } & {
            [key: string]: unknown;
        };
        /** LiveSourceStatus */
        LiveSourceStatus: {
            /** @description what feeds the live view: nothing, the F1 live feed, a replay of an archived session, a recording of the feed */
            source: "none" | "live" | "replay" | "recording";
            session: {
                year: number | null;
                round: number | null;
                session: string | null;
                name: string;
                /** @description archive path */
                path: string | null;
            } | null;
            /** @description live: the feed connection is up; replay: the session is loaded */
            connected: boolean;
            /** @description feed topics not delivered (CarData.z, Position.z… without an F1TV token; for a recording: subscribed topics it never received) */
            topicsMissing: string[];
            /** @description an F1TV token is set on the server (it is never sent to clients) */
            tokenConfigured: boolean;
            /** @description the recording being played (source recording) */
            recording: {
                /** @description file name in the recordings folder */
                name: string;
                /** @description apexdata: `apex live record` JSON Lines; fastf1: FastF1 recorder file */
                format: "apexdata" | "fastf1";
                lines: number;
                /** @description lines that could not be read (skipped; the rest plays) */
                corruptLines: number;
            } | null;
            replay: {
                speed: number | "max";
                paused: boolean;
                /** @description position in the session stream, ms */
                positionMs: number;
                /** @description length of the session stream, ms */
                durationMs: number;
            } | null;
            /** @description a line for people: "reconnecting to the F1 live feed (…)", "replay ended" */
            message: string | null;
        };
        /** LiveTowerRow */
        LiveTowerRow: {
            driverNumber: string;
            abbreviation: string | null;
            name: string | null;
            team: string | null;
            /** @description hex without # */
            teamColour: string | null;
            position: number | null;
            /** @description to the leader, as sent ("+1.234", "1 L") */
            gap: string | null;
            gapSeconds: number | null;
            /** @description to the car ahead */
            interval: string | null;
            intervalSeconds: number | null;
            catching: boolean;
            lastLap: {
                text: string;
                ms: number | null;
                colour: "purple" | "green" | "yellow" | "none";
            } | null;
            bestLap: {
                text: string;
                ms: number | null;
                colour: "purple" | "green" | "yellow" | "none";
                lap: number | null;
            } | null;
            sectors: {
                time: {
                    text: string;
                    ms: number | null;
                    colour: "purple" | "green" | "yellow" | "none";
                } | null;
                current: boolean;
                stopped: boolean;
                /** @description mini-sector colours */
                segments: (("purple" | "green" | "yellow" | "none") | "pit")[];
            }[];
            laps: number | null;
            tyre: {
                compound: string | null;
                new: boolean | null;
                age: number | null;
                stints: number;
            } | null;
            pitStops: number;
            inPit: boolean;
            pitOut: boolean;
            drs: "open" | "eligible" | "off" | null;
            retired: boolean;
            stopped: boolean;
            /** @description eliminated in an earlier qualifying part */
            knockedOut: boolean;
        };
        /**
         * LiveTrack
         * @description circuit outline, drawn before the cars have driven it
         */
        LiveTrack: {
            /** @description closed path, feed X/Y units (1/10 m) */
            points: [
                number,
                number
            ][];
            /** @description the car whose lap drew it */
            driverNumber: string;
            /** @description feed time of the lap start (Unix ms) */
            from: number;
            to: number;
            /** @description path length, metres */
            lengthM: number;
            /** @description degrees to turn the points (and car positions) counter-clockwise to draw the circuit as the session track map does: landscape, start/finish line in the lower half */
            rotation: number;
            /** @description where the start/finish line is (feed X/Y) as TimingData places it; null when unknown (the rotation then takes the first point) */
            finishLine: [
                number,
                number
            ] | null;
            /** @description "session": the positions of the session played; else the archive path of the session of the same circuit it came from */
            source: string;
        } | null;
        /** LiveStatus */
        LiveStatus: {
            /** @description what feeds the live view: nothing, the F1 live feed, a replay of an archived session, a recording of the feed */
            source: "none" | "live" | "replay" | "recording";
            session: {
                year: number | null;
                round: number | null;
                session: string | null;
                name: string;
                /** @description archive path */
                path: string | null;
            } | null;
            /** @description live: the feed connection is up; replay: the session is loaded */
            connected: boolean;
            /** @description feed topics not delivered (CarData.z, Position.z… without an F1TV token; for a recording: subscribed topics it never received) */
            topicsMissing: string[];
            /** @description an F1TV token is set on the server (it is never sent to clients) */
            tokenConfigured: boolean;
            /** @description the recording being played (source recording) */
            recording: {
                /** @description file name in the recordings folder */
                name: string;
                /** @description apexdata: `apex live record` JSON Lines; fastf1: FastF1 recorder file */
                format: "apexdata" | "fastf1";
                lines: number;
                /** @description lines that could not be read (skipped; the rest plays) */
                corruptLines: number;
            } | null;
            replay: {
                speed: number | "max";
                paused: boolean;
                /** @description position in the session stream, ms */
                positionMs: number;
                /** @description length of the session stream, ms */
                durationMs: number;
            } | null;
            /** @description a line for people: "reconnecting to the F1 live feed (…)", "replay ended" */
            message: string | null;
            /** @description session clock as the engine extrapolates it (ExtrapolatedClock) */
            clock: {
                remainingMs: number | null;
                running: boolean;
            } | null;
            /** @description SSE clients of this API process */
            clients: number;
            /** @description how far back delayed views can be served */
            historySeconds: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
