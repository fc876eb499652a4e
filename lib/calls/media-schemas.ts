import { z } from "zod";

/** A page's own random id (a browser's tabs share one device id): names its place in a call's room. */
export const tabIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "A page id is 8 to 64 letters, digits, - or _" });

/** Where a call rings that asks to wait in its room. */
export const ringTokenBodySchema = z.object({ deviceId: z.string().min(1).max(64), tab: tabIdSchema });

/** accept, decline and hang up: on which device, and the page that waited in the room (accept). */
export const callActionBodySchema = z
  .object({ deviceId: z.string().min(1).max(64).default("web"), tab: tabIdSchema.optional() })
  .default({ deviceId: "web" });
