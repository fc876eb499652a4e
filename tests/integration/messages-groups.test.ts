import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";
import { addGroupMembers, createGroupConversation, leaveConversation } from "../../lib/messages/group-conversation";
import { listConversations } from "../../lib/messages/list-conversations";
import { messagesAfter } from "../../lib/messages/messages-after";
import { MAX_GROUP_MEMBERS } from "../../lib/messages/schemas";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { useStackDatabase } from "../support/http";
import { createMember } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

/** `owner` keeps each of `ids` in their book. */
async function keep(owner: string, ids: string[]) {
  await (await db()).contact.createMany({ data: ids.map((contactId) => ({ ownerId: owner, contactId, inBook: true, sees: "approved" })) });
}

describe("group conversations", () => {
  it("made from one's contacts: a newcomer who does not know the maker gets a request; strangers and blocked people refused", async () => {
    const client = await db();
    const [ann, ben, cy, dee, eve] = await Promise.all(["Ann", "Ben", "Cy", "Dee", "Eve"].map((n) => createMember("mg1", n)));
    await keep(ann!, [ben!, cy!, eve!]);
    await keep(ben!, [ann!]);
    await client.block.create({ data: { blockerId: eve!, blockedId: ann! } });
    expect(await code(createGroupConversation({ db: client, creatorId: ann!, title: "Trip", memberIds: [ben!, dee!] }))).toBe("FORBIDDEN");
    expect(await code(createGroupConversation({ db: client, creatorId: ann!, title: "Trip", memberIds: [ben!, eve!] }))).toBe("FORBIDDEN");
    const { conversationId } = await createGroupConversation({ db: client, creatorId: ann!, title: "Trip", memberIds: [ben!, cy!, ben!] });
    const states = await client.conversationMember.findMany({ where: { conversationId }, select: { memberId: true, state: true } });
    expect(Object.fromEntries(states.map((s) => [s.memberId, s.state]))).toEqual({
      [ann!]: "accepted",
      [ben!]: "accepted",
      [cy!]: "request",
    });

    // Those in it write and catch up (Cy too, before answering the request); Dee, outside, cannot write or read.
    for (const [who, body] of [
      [ann!, "Where to?"],
      [ben!, "Lisbon?"],
      [ben!, "Yes"],
    ] as const)
      await sendMessage({ db: client, senderId: who, conversationId, input: { clientId: uuid7(), body } });
    expect(
      (await sendMessage({ db: client, senderId: dee!, conversationId, input: { clientId: uuid7(), body: "hi" } }).catch((e) => e)).code,
    ).toBe("NOT_FOUND");
    expect((await messagesAfter({ db: client, memberId: cy!, cursors: {} })).messages.map((m) => m.body)).toEqual([
      "Where to?",
      "Lisbon?",
      "Yes",
    ]);
    const [trip] = await listConversations({ db: client, memberId: ann! });
    expect(trip).toMatchObject({ kind: "group", title: "Trip", unread: 2 });
    expect(trip!.others.map((o) => o.id).sort()).toEqual([ben!, cy!].sort());

    // Ben adds Dee only once Dee is in his book; Cy, who has not accepted, cannot add anyone.
    expect(await code(addGroupMembers({ db: client, memberId: ben!, conversationId, memberIds: [dee!] }))).toBe("FORBIDDEN");
    await keep(ben!, [dee!]);
    await keep(cy!, [dee!]);
    expect(await code(addGroupMembers({ db: client, memberId: cy!, conversationId, memberIds: [dee!] }))).toBe("NOT_FOUND");
    expect(await addGroupMembers({ db: client, memberId: ben!, conversationId, memberIds: [dee!, ann!] })).toEqual({ added: [dee!] });

    // Leaving: nothing more reaches the one who left, and they cannot write.
    await leaveConversation({ db: client, memberId: ben!, conversationId });
    await sendMessage({ db: client, senderId: ann!, conversationId, input: { clientId: uuid7(), body: "Ben left?" } });
    expect((await messagesAfter({ db: client, memberId: ben!, cursors: {} })).messages).toEqual([]);
    expect(await code(sendMessage({ db: client, senderId: ben!, conversationId, input: { clientId: uuid7(), body: "wait" } }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(leaveConversation({ db: client, memberId: ben!, conversationId }))).toBe("NOT_FOUND");
  });

  it(`holds at most ${MAX_GROUP_MEMBERS} people, also when two add at once`, async () => {
    const client = await db();
    const owner = await createMember("mg2", "Owner");
    const people: string[] = [];
    for (let i = 0; i < MAX_GROUP_MEMBERS + 2; i++) people.push(await createMember("mg2", `P${i}`));
    await keep(owner, people);
    expect(
      await code(createGroupConversation({ db: client, creatorId: owner, title: "Big", memberIds: people.slice(0, MAX_GROUP_MEMBERS) })),
    ).toBe("VALIDATION_FAILED");
    const { conversationId } = await createGroupConversation({
      db: client,
      creatorId: owner,
      title: "Big",
      memberIds: people.slice(0, MAX_GROUP_MEMBERS - 3),
    });
    // With the owner and 98 others in it, two members each add one more at the same moment: one fits, the other would be the 101st.
    const [x, y] = people.slice(MAX_GROUP_MEMBERS - 3, MAX_GROUP_MEMBERS - 1);
    const last = people[MAX_GROUP_MEMBERS]!;
    await keep(x!, [last]);
    await client.conversationMember.updateMany({ where: { conversationId }, data: { state: "accepted" } });
    await addGroupMembers({ db: client, memberId: owner, conversationId, memberIds: [x!] });
    await client.conversationMember.updateMany({ where: { conversationId }, data: { state: "accepted" } });
    const results = await Promise.all([
      code(addGroupMembers({ db: client, memberId: owner, conversationId, memberIds: [y!] })),
      code(addGroupMembers({ db: client, memberId: x!, conversationId, memberIds: [last] })),
    ]);
    expect(results.sort()).toEqual(["VALIDATION_FAILED", "ok"]);
    expect(await client.conversationMember.count({ where: { conversationId } })).toBe(MAX_GROUP_MEMBERS);
  });

  it("review findings: an unanswered contact request is not enough to add someone; newcomers start with nothing unread; two adding one person at once both succeed", async () => {
    const client = await db();
    const [ann, ben, zed, cy] = await Promise.all(["Ann", "Ben", "Zed", "Cy"].map((n) => createMember("mg3", n)));
    // Ann asked Zed to be contacts; Zed never answered (Ann's row is in her book, pending).
    await client.contact.create({ data: { ownerId: ann!, contactId: zed!, inBook: true, sees: "pending", requestedAt: new Date() } });
    await keep(ann!, [ben!, cy!]);
    await keep(ben!, [ann!, cy!]);
    expect(await code(createGroupConversation({ db: client, creatorId: ann!, title: "Spam", memberIds: [ben!, zed!] }))).toBe("FORBIDDEN");
    const { conversationId } = await createGroupConversation({ db: client, creatorId: ann!, title: "Ok", memberIds: [ben!] });
    for (const body of ["one", "two", "three"])
      await sendMessage({ db: client, senderId: ann!, conversationId, input: { clientId: uuid7(), body } });
    const results = await Promise.all([
      addGroupMembers({ db: client, memberId: ann!, conversationId, memberIds: [cy!] }),
      addGroupMembers({ db: client, memberId: ben!, conversationId, memberIds: [cy!] }),
    ]);
    expect(results.flatMap((r) => r.added)).toEqual([cy!]);
    const [ok] = (await listConversations({ db: client, memberId: cy! })).filter((c) => c.id === conversationId);
    expect(ok).toMatchObject({ unread: 0, lastSeq: 3 });
  });
});
