import type { TestProject } from 'vitest/node';
import { liveRecordingsDir, startStack } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
    adminToken: string;
    /** the API's APEX_LIVE_RECORDINGS folder (tests add recordings there) */
    liveRecordings: string;
  }
}

export default async function setup(project: TestProject) {
  // While developing: point at a stack that is already running (web URL; API reached through it).
  const existing = process.env.APEX_E2E_WEB_URL;
  if (existing) {
    project.provide('webUrl', existing.replace(/\/+$/, ''));
    project.provide('apiUrl', existing.replace(/\/+$/, ''));
    project.provide('adminToken', process.env.APEX_ADMIN_TOKEN ?? '');
    project.provide('liveRecordings', process.env.APEX_LIVE_RECORDINGS ?? '');
    return;
  }
  const stack = await startStack();
  project.provide('webUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('adminToken', stack.adminToken);
  project.provide('liveRecordings', liveRecordingsDir(stack.apexHome));
  return async () => {
    await stack.stop();
  };
}
