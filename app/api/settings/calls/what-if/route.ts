import { route } from "@/app/_server/route";
import { explainRoute } from "@/lib/calls/routing/explain-route";
import { whatIfBody } from "@/lib/calls/routing/schemas";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

/** "What happens if…": the path a call from the chosen caller would take at the chosen time. */
export const POST = route({ access: "member", body: whatIfBody }, async ({ member, body }) =>
  json(await explainRoute(await db(), { memberId: member.id, caller: body.caller, at: new Date(body.at), status: body.status })),
);
