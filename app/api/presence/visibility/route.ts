import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { visibilitySchema } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { getVisibility, setVisibility } from "@/lib/presence/visibility-store";

/** Who sees the member's presence (everyone, contacts, nobody) and how much (full or basic). */
export const GET = route({ access: "member" }, async ({ member }) => json(await getVisibility(await db(), member.id)));

export const PUT = route({ access: "member", body: visibilitySchema }, async ({ member, body }) =>
  json(await setVisibility({ db: await db(), bus: bus() }, member.id, body)),
);
