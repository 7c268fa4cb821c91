// The parser thread when the server runs from its TypeScript sources (vitest, tsx): a worker does
// not inherit tsx's loader, so it registers it before importing the entry. The engine comes from its
// build (packages/livetiming/dist), as for `apex` run through tsx. Built servers start
// dist/sessions/parse-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
