import { Redis } from "ioredis";
import { quiet } from "../bus/quiet-redis";
import { env } from "../env";
import { type CounterStore, MemoryStore, RedisStore } from "./rate-limit";

let store: CounterStore | undefined;

/**
 * The process' counter store: Redis when REDIS_URL is set, so that every web process counts the same
 * hits; in memory otherwise (one web process, which is what `npm start` runs).
 */
export function counterStore(): CounterStore {
  if (!store) {
    const url = env().REDIS_URL;
    store = url ? new RedisStore(quiet(new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true }))) : new MemoryStore();
  }
  return store;
}
