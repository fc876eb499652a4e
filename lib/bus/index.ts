import { env } from "../env";
import { HttpBusClient } from "./http-client";
import { LocalBus } from "./local";
import { RedisBus } from "./redis";
import type { BusNode, BusPublisher } from "./types";

export type { BusNode, BusPublisher } from "./types";

let publisher: BusPublisher | undefined;

/** For route handlers: reach members wherever their connections are. */
export function bus(): BusPublisher {
  if (publisher) return publisher;
  const e = env();
  publisher = e.REDIS_URL ? new RedisBus(e.REDIS_URL) : new HttpBusClient(e.PRESENCE_INTERNAL_URL, e.PRESENCE_SECRET);
  return publisher;
}

/** For a presence node: Redis when configured, otherwise the bus lives in this process. */
export function nodeBus(): BusNode {
  const e = env();
  return e.REDIS_URL ? new RedisBus(e.REDIS_URL) : new LocalBus();
}
