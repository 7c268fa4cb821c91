// The dump reader thread when the server runs from its TypeScript sources (vitest, tsx): a worker
// does not inherit tsx's loader, so it registers it first. Built servers start dist/…/load-worker.js.
import { register } from 'tsx/esm/api';

register();
await import('./load-worker.ts');
