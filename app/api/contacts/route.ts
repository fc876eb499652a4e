import { limitContactRequests } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { addContact } from "@/lib/contacts/add-contact";
import { listBook } from "@/lib/contacts/list-book";
import { addContactSchema, bookQuerySchema } from "@/lib/contacts/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** The member's address book and the requests to them; with ?since=<version>, only what changed. */
export const GET = route({ access: "member", query: bookQuerySchema }, async ({ member, query }) =>
  json(await listBook(await db(), member.id, { since: query.since })),
);

/** Adds someone by number or address. Requests reach strangers: they are counted per member. */
export const POST = route({ access: "member", body: addContactSchema }, async ({ member, body }) => {
  await limitContactRequests(member.id);
  return json(await addContact({ db: await db(), bus: bus() }, { memberId: member.id, to: body.to }), { status: 201 });
});
