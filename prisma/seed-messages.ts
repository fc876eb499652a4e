import type { Db } from "../lib/db/client";
import { createGroupConversation } from "../lib/messages/group-conversation";
import { markRead } from "../lib/messages/mark-read";
import { openDirect } from "../lib/messages/open-direct";
import { sendMessage } from "../lib/messages/send-message";
import { uuid7 } from "../lib/messages/uuid7";
import { demoIds } from "./demo-ids";

/**
 * Conversations for the README's first account, written in the past (so no digest goes out for
 * them): Bruno's two unread messages, a read exchange with Chloé, the "Film club" group with Chloé
 * and Emma, and Farid's request (he is not in Ada's book).
 */
export async function seedMessages(db: Db): Promise<void> {
  const ids = await demoIds(db, ["ada", "bruno", "chloe", "emma", "farid"]);
  const ada = ids?.get("ada");
  if (!ids || !ada) return;
  if (await db.conversationMember.findFirst({ where: { memberId: ada } })) return;
  const h = (handle: string) => ids.get(handle)!;
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const say = async (conversationId: string, from: string, body: string, minutesAgo: number) =>
    (
      await sendMessage({
        db,
        senderId: h(from),
        conversationId,
        input: { clientId: uuid7(ago(minutesAgo).getTime()), body },
        now: ago(minutesAgo),
      })
    ).message;

  const chloe = (await openDirect({ db, memberId: ada, otherId: h("chloe") })).conversationId;
  await say(chloe, "chloe", "Are you coming on Thursday? We are showing Stalker.", 26 * 60);
  await say(chloe, "ada", "Wouldn't miss it. Shall I bring the projector cable?", 25 * 60);
  const last = await say(chloe, "chloe", "Yes please! The HDMI one 🙏", 25 * 60 - 5);
  await markRead({ db, memberId: ada, conversationId: chloe, seq: last.seq });

  const club = await createGroupConversation({ db, creatorId: ada, title: "Film club", memberIds: [h("chloe"), h("emma")] });
  await say(club.conversationId, "ada", "Next month's theme: Tarkovsky. Suggestions welcome.", 8 * 60);
  await say(club.conversationId, "emma", "Solaris, obviously. https://en.wikipedia.org/wiki/Solaris_(1972_film)", 7 * 60);
  await say(club.conversationId, "chloe", "And Mirror, if we dare.", 6 * 60);

  const bruno = (await openDirect({ db, memberId: h("bruno"), otherId: ada })).conversationId;
  await say(bruno, "bruno", "Mum asks if you are free on Sunday for lunch.", 95);
  await say(bruno, "bruno", "Call me when you can, it's about the flat too.", 90);

  const farid = (await openDirect({ db, memberId: h("farid"), otherId: ada })).conversationId;
  await say(farid, "farid", "Hi Ada, we met at the Lisbon meetup. Could we talk about your talk's slides?", 40);
}
