import { saveRules } from "../lib/calls/routing/save-rules";
import type { Db } from "../lib/db/client";
import { demoIds } from "./demo-ids";

/**
 * Ada's call routing, for the README: favourites (Bruno) ring through do-not-disturb, strangers go
 * to the mailbox at night, and while she is away her calls ring 20 s and then go to Emma; an away
 * auto-reply for messages.
 */
export async function seedRouting(db: Db): Promise<void> {
  const ids = await demoIds(db, ["ada", "emma"]);
  const ada = ids?.get("ada");
  const emma = ids?.get("emma");
  if (!ada || !emma || (await db.routingRules.findUnique({ where: { memberId: ada } }))) return;
  const emmaNumber = await db.phoneNumber.findUnique({ where: { memberId: emma }, select: { digits: true } });
  if (!emmaNumber) return;
  await saveRules(db, {
    memberId: ada,
    version: 0,
    doc: {
      timeZone: "Europe/Lisbon",
      dnd: { favourites: true, repeatCallers: false },
      awayReply: "Out on the river — back by six. Call Emma if it is urgent.",
      rules: [
        {
          id: "nights",
          name: "Nights: strangers to the mailbox",
          enabled: true,
          when: { statuses: [], callers: [{ type: "strangers" }], schedule: { days: [0, 1, 2, 3, 4, 5, 6], from: "22:00", to: "07:00" } },
          then: { type: "mailbox", greeting: "current" },
        },
        {
          id: "away",
          name: "Away: Emma covers",
          enabled: true,
          when: { statuses: ["away"], callers: [] },
          then: { type: "ring", devices: "all", seconds: 20, otherwise: { type: "forward", to: emmaNumber.digits } },
        },
      ],
    },
  });
}
