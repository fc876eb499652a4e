import { z } from "zod";
import { route } from "@/app/_server/route";
import { ringGrant } from "@/lib/calls/media";
import { ringTokenBodySchema } from "@/lib/calls/media-schemas";
import { json } from "@/lib/http/respond";
import { callDeps } from "../../_deps";

/** While the call rings this page: a token to wait in its room, hidden, sending and receiving nothing. */
export const POST = route(
  { access: "member", params: z.object({ id: z.string().min(1).max(40) }), body: ringTokenBodySchema },
  async ({ member, params, body }) => {
    const { db } = await callDeps();
    return json(await ringGrant(db, params.id, member, body));
  },
);
