import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveRules } from "../../lib/calls/routing/save-rules";
import { db, disconnectDb } from "../../lib/db/client";
import { participants } from "../../lib/messages/announce";
import { AUTO_REPLY_PREFIX, sendAwayReplies } from "../../lib/messages/away-reply";
import { openDirect } from "../../lib/messages/open-direct";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { setPresenceSetting } from "../../lib/presence/set-setting";
import { useStackDatabase } from "../support/http";
import { createMember, recordingBus } from "../support/members";

/** Messages following the member's rules: a stranger waits silently under do-not-disturb; the away auto-reply. */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

async function connect(memberId: string, idle: boolean) {
  await (
    await db()
  ).presenceConnection.create({
    data: {
      id: `c-${memberId}`,
      memberId,
      nodeId: "rules-test",
      deviceId: "d",
      address: "127.0.0.1",
      userAgent: "t",
      idle,
      connectedAt: new Date(),
      // Live past the hour the test moves the clock forward.
      lastSeenAt: new Date(Date.now() + 2 * 3600_000),
    },
  });
}

const doc = (awayReply: string) => ({ timeZone: "UTC", rules: [], dnd: { favourites: false, repeatCallers: false }, awayReply });
const text = (body: string) => ({ clientId: uuid7(), body });

describe("messages and the member's rules", () => {
  it("a stranger's request waits silently while the member is on do-not-disturb, and is told when it ends", async () => {
    const { bus, sent } = recordingBus();
    const client = await db();
    const [ada, stranger, friend] = [
      await createMember("mr", "Ada"),
      await createMember("mr", "Stranger"),
      await createMember("mr", "Friend"),
    ];
    await client.contact.create({ data: { ownerId: ada, contactId: friend, inBook: true } });
    const fromStranger = (await openDirect({ db: client, memberId: stranger, otherId: ada })).conversationId;
    const fromFriend = (await openDirect({ db: client, memberId: friend, otherId: ada })).conversationId;

    await setPresenceSetting(client, bus, ada, "dnd");
    expect(await participants(client, fromStranger)).toEqual([stranger]);
    expect((await sendMessage({ db: client, senderId: stranger, conversationId: fromStranger, input: text("hello?") })).to).toEqual([
      stranger,
    ]);
    expect((await participants(client, fromFriend)).sort()).toEqual([ada, friend].sort());

    sent.length = 0;
    await setPresenceSetting(client, bus, ada, "online");
    expect(
      sent.filter((e) => e.type === "conversation").map((e) => [e.memberId, (e.data as { conversationId: string }).conversationId]),
    ).toEqual([[ada, fromStranger]]);
    expect((await participants(client, fromStranger)).sort()).toEqual([ada, stranger].sort());
  });

  it("answers with the away reply once an hour per conversation, only while away, never to an auto-reply", async () => {
    const { bus, sent } = recordingBus();
    const client = await db();
    const [ada, ben] = [await createMember("mr", "Ada"), await createMember("mr", "Ben")];
    await client.contact.create({ data: { ownerId: ada, contactId: ben, inBook: true } });
    await saveRules(client, { memberId: ada, version: 0, doc: doc("Back on Monday") });
    const cid = (await openDirect({ db: client, memberId: ben, otherId: ada })).conversationId;
    const deps = { db: client, bus };

    // Online (an active connection): no reply.
    await connect(ada, false);
    const first = await sendMessage({ db: client, senderId: ben, conversationId: cid, input: text("there?") });
    expect(await sendAwayReplies(deps, first, ben)).toBe(0);
    // Away (every connection idle): one reply, then none for an hour.
    await client.presenceConnection.update({ where: { id: `c-${ada}` }, data: { idle: true } });
    const second = await sendMessage({ db: client, senderId: ben, conversationId: cid, input: text("hello?") });
    expect(await sendAwayReplies(deps, second, ben)).toBe(1);
    const third = await sendMessage({ db: client, senderId: ben, conversationId: cid, input: text("hello??") });
    expect(await sendAwayReplies(deps, third, ben)).toBe(0);
    expect(await sendAwayReplies(deps, third, ben, new Date(Date.now() + 3601_000))).toBe(1);

    const replies = await client.conversationMessage.findMany({ where: { conversationId: cid, senderId: ada }, orderBy: { seq: "asc" } });
    expect(replies.map((r) => r.body)).toEqual([`${AUTO_REPLY_PREFIX}Back on Monday`, `${AUTO_REPLY_PREFIX}Back on Monday`]);
    expect(sent.filter((e) => e.type === "message" && e.memberId === ben)).toHaveLength(2);
    // An auto-reply is never answered (Ben away with his own reply would otherwise answer forever).
    await saveRules(client, { memberId: ben, version: 0, doc: doc("Out too") });
    await connect(ben, true);
    const auto = {
      message: { ...second.message, senderId: ada, body: `${AUTO_REPLY_PREFIX}Back on Monday` },
      created: true,
      to: [ada, ben],
    };
    expect(await sendAwayReplies(deps, auto, ada)).toBe(0);
  });
});
