import { z } from "zod";

/** POST /api/callbacks: ask to be connected when the member called is free, after this call. */
export const requestCallbackBody = z.object({ callId: z.string().min(1).max(64) });
export const callbackParams = z.object({ id: z.string().min(1).max(64) });
