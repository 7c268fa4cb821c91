// Types of the two stores @fastify/rate-limit ships (CommonJS, no declarations of their own), used
// by the shared store in rate-limit-store.ts.
declare module '@fastify/rate-limit/store/*.js' {
  import type { Redis } from 'ioredis';

  type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

  interface Store {
    incr(key: string, callback: Callback, timeWindow: number, max: number): void;
    read(key: string, callback: Callback, timeWindow: number, max?: number): void;
  }

  interface StoreConstructors {
    new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, key?: string): Store;
    new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number): Store;
  }

  const Store: StoreConstructors;
  export default Store;
}
