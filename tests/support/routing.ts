import { saveRules } from "../../lib/calls/routing/save-rules";
import type { Rule, RuleDoc } from "../../lib/calls/routing/rules";
import { db } from "../../lib/db/client";
import { createMember } from "./members";

/** A device as the presence server records it; a string is a device id with the defaults. */
export type DeviceSpec = string | { id: string; ua?: string; idle?: boolean; ageMs?: number };

let numbers = 0;

/**
 * A member with a number and, unless told otherwise, one live device, written straight to the
 * stack's database. `digitsPrefix` keeps each test file's numbers apart.
 */
export async function routedMember(prefix: string, digitsPrefix: string, name: string, devices: DeviceSpec[] = ["d"]) {
  const client = await db();
  const id = await createMember(prefix, name);
  const digits = `${digitsPrefix}${String(Date.now() % 1e8).padStart(8, "0")}${String(numbers++ % 100).padStart(2, "0")}`;
  await client.phoneNumber.create({ data: { digits, memberId: id, kind: "sequential" } });
  for (const spec of devices) {
    const d = typeof spec === "string" ? { id: spec } : spec;
    await client.presenceConnection.create({
      data: {
        id: `c-${id}-${d.id}`,
        memberId: id,
        nodeId: `routing-${prefix}`,
        deviceId: d.id,
        address: "127.0.0.1",
        userAgent: d.ua ?? "t",
        idle: d.idle ?? false,
        connectedAt: new Date(Date.now() - (d.ageMs ?? 0)),
        lastSeenAt: new Date(Date.now() + 2 * 3600_000),
      },
    });
  }
  return { id, digits };
}

export const rule = (then: Rule["then"], when: Partial<Rule["when"]> = {}, name = ""): Rule => ({
  id: crypto.randomUUID(),
  name,
  enabled: true,
  when: { statuses: [], callers: [], ...when },
  then,
});

export const ruleDoc = (rules: Rule[], more: Partial<RuleDoc> = {}): RuleDoc => ({
  timeZone: "UTC",
  rules,
  dnd: { favourites: false, repeatCallers: false },
  awayReply: "",
  ...more,
});

/** Saves a member's rules over whatever version they have. */
export async function setRules(memberId: string, d: RuleDoc) {
  const client = await db();
  const current = await client.routingRules.findUnique({ where: { memberId } });
  await saveRules(client, { memberId, doc: d, version: current?.version ?? 0 });
}

export async function legsOf(callId: string) {
  const legs = await (await db()).callLeg.findMany({ where: { callId }, orderBy: { position: "asc" } });
  return legs.map((l) => ({ memberId: l.memberId, result: l.result, rang: l.rang }));
}

/** A clock `ms` ahead of now, for sweeps that move a call's ring time on. */
export const later = (ms: number) => () => new Date(Date.now() + ms);
