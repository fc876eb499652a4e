import type { BusPublisher } from "../lib/bus/types";
import type { Db } from "../lib/db/client";
import { createGroup } from "../lib/groups/create-group";
import { actOnMember, joinGroup } from "../lib/groups/membership";
import { MemoryStore } from "../lib/http/rate-limit";
import { sendMessage } from "../lib/messages/send-message";
import { uuid7 } from "../lib/messages/uuid7";
import { toKeypadDigits } from "../lib/numbers/keypad";
import { demoIds } from "./demo-ids";

/** Nobody is connected while seeding: nothing to tell. */
const quiet: BusPublisher = { toMember: async () => undefined, presenceChanged: async () => undefined };
export const DEMO_GROUP_PASSWORD = "portal-demo-2026";

/**
 * Two groups for the README's accounts: Ada's "Alfama Rowing Club" (vanity number …ROWING, by
 * request and a password, Chloé an admin, Bruno and Emma in it, Farid asking to join, a few
 * messages), and
 * Chloé's "Lisbon Jazz Society" (by request), which Ada is not in yet.
 */
export async function seedGroups(db: Db): Promise<void> {
  const ids = await demoIds(db, ["ada", "bruno", "chloe", "emma", "farid", "daniel"]);
  if (!ids?.get("ada") || (await db.group.findUnique({ where: { handleKey: "alfama-rowing" } }))) return;
  const h = (handle: string) => ids.get(handle)!;
  const deps = { db, bus: quiet, store: new MemoryStore() };
  const rowing = toKeypadDigits("555000ROWING");
  if (!rowing.ok) throw new Error(rowing.reason);
  await createGroup(
    db,
    h("ada"),
    {
      name: "Alfama Rowing Club",
      handle: "alfama-rowing",
      description: "Early mornings on the Tagus, Tuesdays and Saturdays at 7. Boats, coaching and coffee after.",
      listed: true,
      access: "request",
      password: DEMO_GROUP_PASSWORD,
      number: rowing.digits,
    },
    {},
  );
  for (const who of ["chloe", "bruno", "emma"]) {
    await joinGroup(deps, "alfama-rowing", h(who), { password: DEMO_GROUP_PASSWORD, address: "seed" });
    await actOnMember(deps, "alfama-rowing", h("ada"), h(who), "approve");
  }
  await actOnMember(deps, "alfama-rowing", h("ada"), h("chloe"), "make-admin");
  const group = await db.group.findUniqueOrThrow({ where: { handleKey: "alfama-rowing" }, select: { conversationId: true } });
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const lines: [string, string, number][] = [
    ["ada", "Saturday's outing is on: the river is calm, meet at the boathouse at 6:45.", 300],
    ["emma", "I'll bring the new oars. Anyone want a lift from Graça?", 290],
    ["bruno", "Yes please! 🚣", 280],
  ];
  for (const [from, body, minutes] of lines) {
    await sendMessage({
      db,
      senderId: h(from),
      conversationId: group.conversationId!,
      input: { clientId: uuid7(ago(minutes).getTime()), body },
      now: ago(minutes),
    });
  }

  await createGroup(
    db,
    h("chloe"),
    {
      name: "Lisbon Jazz Society",
      handle: "lisbon-jazz",
      description: "Listening nights, jam sessions and the odd trip to a festival. Tell us what you play.",
      listed: true,
      access: "request",
      number: undefined,
    },
    {},
  );
  await joinGroup(deps, "lisbon-jazz", h("daniel"), { address: "seed" });
  await actOnMember(deps, "lisbon-jazz", h("chloe"), h("daniel"), "approve");
  await joinGroup(deps, "alfama-rowing", h("farid"), { password: DEMO_GROUP_PASSWORD, address: "seed" });
}
