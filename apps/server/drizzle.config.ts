import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` (from apps/server) writes versioned SQL migrations next to the schema;
// the runtime applies them with drizzle's migrator on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  casing: 'snake_case',
});
