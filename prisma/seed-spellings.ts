import type { Db } from "../lib/db/client";
import { spellWordIn } from "../lib/numbers/spelling";
import { DEMO_MEMBERS } from "./seed-data";

/**
 * The words the demo's vanity numbers were picked for, kept with them (numbers registered before
 * words were kept showed digits only). Only where no spelling is set: a member's own choice stays.
 */
export async function seedSpellings(db: Db): Promise<void> {
  const owners: { where: { member: { handleKey: string } } | { group: { handleKey: string } }; word: string }[] = [
    ...DEMO_MEMBERS.flatMap((m) =>
      m.vanity && /[A-Z]/i.test(m.vanity) ? [{ where: { member: { handleKey: m.handle.toLowerCase() } }, word: m.vanity }] : [],
    ),
    { where: { group: { handleKey: "alfama-rowing" } }, word: "ROWING" },
  ];
  for (const o of owners) {
    const n = await db.phoneNumber.findFirst({ where: { ...o.where, spelled: null }, select: { digits: true } });
    if (!n) continue;
    try {
      const s = spellWordIn(n.digits, o.word);
      await db.phoneNumber.update({ where: { digits: n.digits }, data: s });
    } catch {
      // The picker gave this member a number without the word (it was taken): digits it is.
    }
  }
}
