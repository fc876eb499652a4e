import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { memberIdParams } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { setHiddenFrom } from "@/lib/presence/visibility-store";

/** "Appear offline to" this member, whatever else holds. */
export const PUT = route({ access: "member", params: memberIdParams }, async ({ member, params }) => {
  await setHiddenFrom({ db: await db(), bus: bus() }, member.id, params.memberId, true);
  return json({ hidden: true });
});

export const DELETE = route({ access: "member", params: memberIdParams }, async ({ member, params }) => {
  await setHiddenFrom({ db: await db(), bus: bus() }, member.id, params.memberId, false);
  return json({ hidden: false });
});
