// The reader thread when the server runs from its TypeScript sources (vitest, tsx): a worker does
// not inherit tsx's loader, so it registers it first. Built servers start dist/…/read-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
