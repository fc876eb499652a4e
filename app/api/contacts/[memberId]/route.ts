import { limitContactRequests } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { actOnContact } from "@/lib/contacts/act-on-contact";
import { editEntry } from "@/lib/contacts/edit-entry";
import { contactActionSchema, entryEditSchema, memberIdParams } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** Answers or changes the relation: accept, decline, decline and block, withdraw, remove, pre-approve, or ask (again). */
export const POST = route({ access: "member", params: memberIdParams, body: contactActionSchema }, async ({ member, params, body }) => {
  if (body.action === "request") await limitContactRequests(member.id);
  return json(await actOnContact({ db: await db(), bus: bus() }, { memberId: member.id, otherId: params.memberId, action: body.action }));
});

/** The owner's nickname, note, star and groups for an entry of their book. */
export const PATCH = route({ access: "member", params: memberIdParams, body: entryEditSchema }, async ({ member, params, body }) =>
  json({ entry: await editEntry({ db: await db(), bus: bus() }, { ownerId: member.id, contactId: params.memberId, edit: body }) }),
);

/** Takes the member out of the book: neither sees the other any more. */
export const DELETE = route({ access: "member", params: memberIdParams }, async ({ member, params }) =>
  json(await actOnContact({ db: await db(), bus: bus() }, { memberId: member.id, otherId: params.memberId, action: "remove" })),
);
