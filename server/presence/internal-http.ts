import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { BusNode } from "../../lib/bus";
import { MEMBER_EVENT_TYPES, type MemberEventMap } from "../../lib/presence/events";
import { SETTINGS } from "../../lib/presence/status";

const body = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("member"), memberId: z.string().min(1).max(64), type: z.enum(MEMBER_EVENT_TYPES), data: z.unknown() }),
  z.object({
    kind: z.literal("presence"),
    changes: z
      .array(
        z.object({
          memberId: z.string().min(1).max(64),
          status: z.enum(["online", "away", "busy", "dnd", "offline"]),
          rules: z.boolean().optional(),
          setting: z.enum(SETTINGS).optional(),
          inCall: z.boolean().optional(),
        }),
      )
      .max(1000),
  }),
]);

const MAX_BODY = 256 * 1024;

function send(res: ServerResponse, status: number, payload: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
}

function authorized(req: IncomingMessage, secret: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The presence server's own HTTP routes, beside Socket.IO's: a health check
 * and, for the embedded bus, the loopback endpoint route handlers publish to.
 * Returns false for paths it does not own.
 */
export function handleInternal(req: IncomingMessage, res: ServerResponse, bus: BusNode, secret: string, health: () => object): boolean {
  const url = req.url ?? "";
  if (url === "/health") {
    send(res, 200, { ok: true, ...health() });
    return true;
  }
  if (!url.startsWith("/internal/")) return false;
  if (!authorized(req, secret)) {
    send(res, 401, { error: { code: "UNAUTHENTICATED", message: "A valid presence secret is required" } });
    return true;
  }
  if (url !== "/internal/bus" || req.method !== "POST") {
    send(res, 404, { error: { code: "NOT_FOUND", message: "No such internal route" } });
    return true;
  }
  let size = 0;
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => {
    size += c.length;
    if (size > MAX_BODY) req.destroy();
    else chunks.push(c);
  });
  req.on("end", async () => {
    let parsed;
    try {
      parsed = body.safeParse(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    } catch {
      return send(res, 400, { error: { code: "BAD_REQUEST", message: "Body is not JSON" } });
    }
    if (!parsed.success)
      return send(res, 400, { error: { code: "VALIDATION_FAILED", message: parsed.error.issues[0]?.message ?? "Invalid" } });
    const b = parsed.data;
    try {
      // The payload's shape is the publisher's (lib/, typed by MemberEventMap); the secret vouches for it.
      if (b.kind === "member") await bus.toMember(b.memberId, b.type, b.data as MemberEventMap[typeof b.type]);
      else await bus.presenceChanged(b.changes);
    } catch (err) {
      // A bus that cannot publish (Redis down) must not take the presence server down with it.
      console.error("internal bus: publish failed", err);
      return send(res, 503, { error: { code: "UNAVAILABLE", message: "The event bus is unavailable" } });
    }
    send(res, 202, { ok: true });
  });
  return true;
}
