import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { createMailer } from "../../lib/mailbox/notify";
import { checkDigestOffToken } from "../../lib/messages/digest-link";
import { openDirect } from "../../lib/messages/open-direct";
import { sendDueDigests, setDigests } from "../../lib/messages/send-digests";
import { sendMessage } from "../../lib/messages/send-message";
import { uuid7 } from "../../lib/messages/uuid7";
import { useStackDatabase } from "../support/http";
import { createMember } from "../support/members";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

/**
 * Times here are a day ahead: the stack under test runs the same job on the real clock (with a
 * short away time) against this database, and must not take these members' digests first. For the
 * same reason results are read from the mails to these members, not from counts over everyone.
 */
const AHEAD = 24 * 3600_000;
const SECRET = "digest-test-secret-".padEnd(40, "x");
const MIN = 60_000;
const AWAY = 10 * MIN;

/** The portal's mailer writing .eml files to a folder of this test's own. */
function outbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "digest-outbox-"));
  const mails = () =>
    fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8").replace(/=\r?\n/g, "")) : [];
  return { mailer: createMailer({ from: "portal@example.test", outboxDir: dir }), mails };
}

/** Ann (verified, away since `awayAt`) and Ben in an accepted conversation. */
async function scene(tag: string, awayAt: Date) {
  const client = await db();
  const [ann, ben] = [await createMember(tag, "Ann"), await createMember(tag, "Ben")];
  await client.member.update({ where: { id: ann }, data: { emailVerifiedAt: new Date(0), presenceSeenAt: awayAt } });
  const { conversationId } = await openDirect({ db: client, memberId: ben, otherId: ann });
  await client.conversationMember.update({
    where: { conversationId_memberId: { conversationId, memberId: ann } },
    data: { state: "accepted" },
  });
  const write = (body: string, at: Date) =>
    sendMessage({ db: client, senderId: ben, conversationId, input: { clientId: uuid7(at.getTime()), body }, now: at });
  return { client, ann, ben, conversationId, write };
}

describe("the unread-message digest", () => {
  it("one digest after ten minutes away, about what came while away; none again until the member has been back", async () => {
    const t0 = new Date(Date.now() + AHEAD);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const { client, ann, write } = await scene("dg1", t0);
    const box = outbox();
    const toAnn = () => box.mails().filter((m) => m.includes(`To: ${ann}@dg1.test`));
    const deps = { db: client, mailer: box.mailer, secret: SECRET, publicUrl: "https://portal.test" };
    await write("are you there?", at(2 * MIN));
    // Nine minutes away: not yet.
    await sendDueDigests(deps, { awayMs: AWAY, now: at(9 * MIN) });
    expect(toAnn()).toHaveLength(0);
    await write("call me when you can", at(9 * MIN));
    // Both runs at once (two presence nodes): one digest.
    await Promise.all([
      sendDueDigests(deps, { awayMs: AWAY, now: at(11 * MIN) }),
      sendDueDigests(deps, { awayMs: AWAY, now: at(11 * MIN) }),
    ]);
    expect(toAnn()).toHaveLength(1);
    const [mail] = toAnn();
    expect(mail).toContain("Subject: 2 unread messages from Ben");
    expect(mail).toContain("are you there?");
    expect(mail).toContain("https://portal.test/messages");
    const link = /messages\/digest-off\?m=([^&\s]+)&t=([A-Za-z0-9_-]+)/.exec(mail!.replace(/=3D/g, "="));
    expect(link && checkDigestOffToken(SECRET, decodeURIComponent(link[1]!), link[2]!)).toBe(true);

    // More messages, hours later, while Ann is still away: nothing more.
    await write("hello?", at(3 * 60 * MIN));
    await sendDueDigests(deps, { awayMs: AWAY, now: at(3 * 60 * MIN + 11 * MIN) });
    expect(toAnn()).toHaveLength(1);

    // Ann comes back and leaves again without reading: the next message after ten minutes is a new digest.
    await client.member.update({ where: { id: ann }, data: { presenceSeenAt: at(4 * 60 * MIN) } });
    await write("still there?", at(4 * 60 * MIN + MIN));
    await sendDueDigests(deps, { awayMs: AWAY, now: at(4 * 60 * MIN + 5 * MIN) });
    expect(toAnn()).toHaveLength(1);
    await sendDueDigests(deps, { awayMs: AWAY, now: at(4 * 60 * MIN + 11 * MIN) });
    const second = toAnn();
    expect(second).toHaveLength(2);
    // Only what came while away this time.
    expect(second.find((m) => m.includes("still there?"))).toContain("Subject: 1 unread message from Ben");
  });

  it("none to an unverified address, to a member who turned them off, to one with a live connection, or for messages read", async () => {
    const t0 = new Date(Date.now() + AHEAD);
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const box = outbox();
    const client = await db();
    const deps = { db: client, mailer: box.mailer, secret: SECRET, publicUrl: "https://portal.test" };

    const unverified = await scene("dg2", t0);
    await client.member.update({ where: { id: unverified.ann }, data: { emailVerifiedAt: null } });
    await unverified.write("hi", at(MIN));

    const off = await scene("dg2", t0);
    await setDigests(client, off.ann, false);
    await off.write("hi", at(MIN));

    const live = await scene("dg2", t0);
    await live.write("hi", at(MIN));
    await client.presenceConnection.create({
      data: {
        id: `conn-${live.ann}`,
        memberId: live.ann,
        nodeId: "digest-test",
        deviceId: "d",
        address: "127.0.0.1",
        userAgent: "test",
        connectedAt: at(0),
        lastSeenAt: at(11 * MIN),
      },
    });

    const read = await scene("dg2", t0);
    const m = await read.write("hi", at(MIN));
    await client.conversationMember.update({
      where: { conversationId_memberId: { conversationId: read.conversationId, memberId: read.ann } },
      data: { readSeq: m.message.seq },
    });

    await sendDueDigests(deps, { awayMs: AWAY, now: at(11 * MIN) });
    const ids = [unverified.ann, off.ann, live.ann, read.ann];
    expect(box.mails().filter((m) => ids.some((id) => m.includes(`To: ${id}@`)))).toEqual([]);
    await client.presenceConnection.delete({ where: { id: `conn-${live.ann}` } });
  });
});
