import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { askWhenAvailable, listAsks } from "@/lib/contacts/availability-store";
import { askAvailabilitySchema } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** "Tell me when available": the member's asks of the last day (open first). */
export const GET = route({ access: "member" }, async ({ member }) => json({ asks: await listAsks(await db(), member.id) }));

/** Asks to be told when a contact becomes available (one open ask per contact; a second returns the first). */
export const POST = route({ access: "member", body: askAvailabilitySchema }, async ({ member, body }) =>
  json({ ask: await askWhenAvailable({ db: await db(), bus: bus() }, { askerId: member.id, watchedId: body.memberId }) }, { status: 201 }),
);
