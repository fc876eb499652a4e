import { Prisma } from "../db/generated/sqlite/client";
import type { Db } from "../db/client";
import { SHOWN_KINDS } from "./wire";

/**
 * Others' shown messages after the member's read marker, per conversation (those with none are
 * absent), in the member's conversations in `states`. One grouped query over the (conversation, seq)
 * index, instead of a count per conversation: the header asks on every page.
 */
export async function unreadCounts(db: Db, memberId: string, states: ("accepted" | "request")[]): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ conversationId: string; n: bigint | number }[]>(Prisma.sql`
    SELECT m."conversationId" AS "conversationId", COUNT(*) AS n
    FROM "ConversationMember" cm
    JOIN "ConversationMessage" m ON m."conversationId" = cm."conversationId" AND m."seq" > cm."readSeq"
    WHERE cm."memberId" = ${memberId} AND cm."state" IN (${Prisma.join(states)})
      AND m."senderId" <> ${memberId} AND m."kind" IN (${Prisma.join([...SHOWN_KINDS])})
    GROUP BY m."conversationId"`);
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}
