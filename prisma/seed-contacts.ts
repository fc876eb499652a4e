import type { BusPublisher } from "../lib/bus";
import { actOnContact } from "../lib/contacts/act-on-contact";
import { editEntry } from "../lib/contacts/edit-entry";
import { createGroup } from "../lib/contacts/groups";
import type { Db } from "../lib/db/client";
import { demoIds } from "./demo-ids";
import { setVisibility } from "../lib/presence/visibility-store";

/** Nobody is connected while the seed runs: events have no one to reach. */
const quiet: BusPublisher = { toMember: async () => {}, presenceChanged: async () => {} };

/**
 * A believable address book for the README's first account: Ada keeps Bruno in Family, Chloé and Emma
 * at Work (who see her online or offline only), Farid asked her and waits, and Chloé shows her
 * presence to contacts only.
 */
export async function seedContacts(db: Db): Promise<void> {
  const ids = await demoIds(db, ["ada", "bruno", "chloe", "emma", "farid"]);
  const ada = ids?.get("ada");
  if (!ids || !ada) return;
  if (await db.contact.findFirst({ where: { ownerId: ada } })) return;
  const deps = { db, bus: quiet };
  for (const h of ["bruno", "chloe", "emma"]) {
    await actOnContact(deps, { memberId: ada, otherId: ids.get(h)!, action: "request" });
    await actOnContact(deps, { memberId: ids.get(h)!, otherId: ada, action: "accept" });
  }
  await actOnContact(deps, { memberId: ids.get("farid")!, otherId: ada, action: "request" });
  const family = await createGroup(deps, { ownerId: ada, name: "Family" });
  const work = await createGroup(deps, { ownerId: ada, name: "Work", detail: "basic" });
  await editEntry(deps, {
    ownerId: ada,
    contactId: ids.get("bruno")!,
    edit: { groupIds: [family.id], favourite: true, nickname: "Bruno (brother)" },
  });
  await editEntry(deps, { ownerId: ada, contactId: ids.get("chloe")!, edit: { groupIds: [work.id], note: "Film club on Thursdays" } });
  await editEntry(deps, { ownerId: ada, contactId: ids.get("emma")!, edit: { groupIds: [work.id] } });
  await setVisibility({ db, bus: quiet }, ids.get("chloe")!, { audience: "contacts" });
}
