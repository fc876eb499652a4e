import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { announceRead } from "@/lib/messages/announce";
import { markRead } from "@/lib/messages/mark-read";
import { conversationParams, readSchema } from "@/lib/messages/schemas";

/** Read (or, with marker "delivered", received) up to `seq`, on every device of the member; the others in the conversation get the receipt. */
export const POST = route({ access: "member", params: conversationParams, body: readSchema }, async ({ member, params, body }) => {
  const deps = { db: await db(), bus: bus() };
  const marked = await markRead({
    db: deps.db,
    memberId: member.id,
    conversationId: params.conversationId,
    seq: body.seq,
    marker: body.marker,
  });
  // Only a marker that moved is told: repeating a read sends nobody anything.
  if (marked.moved)
    await announceRead(
      deps,
      { conversationId: params.conversationId, memberId: member.id, readSeq: marked.readSeq, deliveredSeq: marked.deliveredSeq },
      marked.state === "accepted",
    );
  return json({ readSeq: marked.readSeq, deliveredSeq: marked.deliveredSeq });
});
