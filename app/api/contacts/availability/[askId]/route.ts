import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { cancelAsk } from "@/lib/contacts/availability-store";
import { askIdParams } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** Cancels one of the member's own open asks. */
export const DELETE = route({ access: "member", params: askIdParams }, async ({ member, params }) => {
  await cancelAsk({ db: await db(), bus: bus() }, { askerId: member.id, askId: params.askId });
  return json({ canceled: true });
});
