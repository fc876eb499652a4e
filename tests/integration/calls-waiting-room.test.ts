import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/**
 * A page where a call rings joins the call's room before the member answers (components/calls/
 * waiting-room.ts). The server's side of it: who gets such a token, what answering with it does, the
 * callee's other devices kept out, and which departures end a call. Against the stack's own servers.
 */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

type Err = { error: { code: string; message: string } };

async function openPage(m: { cookie: string }, deviceId: string): Promise<TestClient> {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", { method: "POST", headers: { cookie: m.cookie } });
  const socket = connectClient(t.body.url, { ticket: t.body.ticket, deviceId });
  await waitConnected(socket);
  return socket;
}

/** A webhook as LiveKit signs it: a JWT over the body's hash, with the stack's key. */
async function webhook(event: object) {
  const yaml = fs.readFileSync(path.join(inject("dataDir"), "livekit.yaml"), "utf8");
  const key = /^keys:\s*\n\s+([^:\s]+): (\S+)/m.exec(yaml)!;
  const body = JSON.stringify(event);
  const at = new AccessToken(key[1], key[2]);
  at.sha256 = createHash("sha256").update(body).digest("base64");
  return api("/api/livekit/webhook", {
    method: "POST",
    body,
    headers: { "content-type": "application/webhook+json", authorization: await at.toJwt() },
  });
}

/** Presence connections of the test, closed after it whatever happened. */
const pages: TestClient[] = [];
afterEach(() => {
  for (const p of pages.splice(0)) p.close();
});

async function ringingCall() {
  const [caller, callee] = [await signedInMember(), await signedInMember()];
  const page = await openPage(callee, "phone-1");
  pages.push(page);
  await until(async () => (await (await db()).presenceConnection.count({ where: { memberId: callee.id } })) === 1, 5000, "callee online");
  const placed = await api<{ id: string; status: string }>("/api/calls", {
    method: "POST",
    json: { handle: callee.handle, kind: "video" },
    headers: { cookie: caller.cookie },
  });
  expect(placed.body.status).toBe("ringing");
  return { caller, callee, page, id: placed.body.id };
}

const status = async (id: string) => (await (await db()).call.findUniqueOrThrow({ where: { id } })).status;

describe("waiting in a call's room while it rings", () => {
  it("gives a hidden place in the room only to the member it rings, only while it rings", async () => {
    const { caller, callee, id } = await ringingCall();
    const body = { deviceId: "phone-1", tab: "tab-0123456789" };
    const grant = await api<{ identity: string; room: string; token: string }>(`/api/calls/${id}/ring-token`, {
      method: "POST",
      json: body,
      headers: { cookie: callee.cookie },
    });
    expect(grant.status).toBe(200);
    expect(grant.body.identity).toBe(`${callee.id}:ring:tab-0123456789`);
    expect(grant.body.room).toBe(`call-${id}`);
    // Hidden from the caller and receiving nothing until it answers; valid no longer than the ring (and a few seconds).
    const claims = JSON.parse(Buffer.from(grant.body.token.split(".")[1]!, "base64url").toString()) as {
      exp: number;
      video: { hidden?: boolean; canSubscribe?: boolean; canPublish?: boolean };
    };
    expect(claims.video).toMatchObject({ hidden: true, canSubscribe: false, canPublish: true });
    const ringUntil = (await (await db()).call.findUniqueOrThrow({ where: { id } })).ringUntil.getTime();
    expect(claims.exp * 1000).toBeLessThanOrEqual(ringUntil + 6000);

    // The caller, a stranger, a bad page id: refused, each clearly.
    const asCaller = await api<Err>(`/api/calls/${id}/ring-token`, { method: "POST", json: body, headers: { cookie: caller.cookie } });
    expect([asCaller.status, asCaller.body.error.message]).toEqual([409, "This call is not ringing here."]);
    const stranger = await api(`/api/calls/${id}/ring-token`, {
      method: "POST",
      json: body,
      headers: { cookie: (await signedInMember()).cookie },
    });
    expect(stranger.status).toBe(404);
    const badTab = await api<Err>(`/api/calls/${id}/ring-token`, {
      method: "POST",
      json: { deviceId: "phone-1", tab: "x y" },
      headers: { cookie: callee.cookie },
    });
    expect(badTab.status).toBe(400);
    expect(badTab.body.error.message).toMatch(/page id/);

    // Answered with a page that never joined the room: accepted, and told to join the ordinary way.
    const accepted = await api<{ status: string; inRoom: boolean }>(`/api/calls/${id}/accept`, {
      method: "POST",
      json: body,
      headers: { cookie: callee.cookie },
    });
    expect(accepted.body).toMatchObject({ status: "connected", inRoom: false });
    // The same answer again (a second window of the same browser): still not in the room.
    const again = await api<{ inRoom: boolean }>(`/api/calls/${id}/accept`, {
      method: "POST",
      json: body,
      headers: { cookie: callee.cookie },
    });
    expect(again.body.inRoom).toBe(false);
    // No longer ringing: no more waiting places.
    expect((await api(`/api/calls/${id}/ring-token`, { method: "POST", json: body, headers: { cookie: callee.cookie } })).status).toBe(409);
  });

  it("keeps the callee's other devices out of an answered call", async () => {
    const { callee, id } = await ringingCall();
    await api(`/api/calls/${id}/accept`, { method: "POST", json: { deviceId: "phone-1" }, headers: { cookie: callee.cookie } });
    const other = await api<Err>(`/api/calls/${id}/token?device=laptop`, { method: "POST", headers: { cookie: callee.cookie } });
    expect([other.status, other.body.error.message]).toEqual([403, "This call was answered on another device."]);
    const same = await api<{ token: string }>(`/api/calls/${id}/token?device=phone-1`, {
      method: "POST",
      headers: { cookie: callee.cookie },
    });
    expect(same.status).toBe(200);
    const unsaid = await api<Err>(`/api/calls/${id}/token`, { method: "POST", headers: { cookie: callee.cookie } });
    expect([unsaid.status, unsaid.body.error.message]).toEqual([400, "Say which device answered the call (device)."]);
  });

  it("ends a call when the page that answered leaves, not when a page that only waited does", async () => {
    const { callee, id } = await ringingCall();
    const room = { name: `call-${id}` };
    // A waiting page closes while it rings: the call rings on.
    const waiter = { identity: `${callee.id}:ring:tab-aaaaaaaaaa`, permission: { hidden: true, canPublish: true } };
    expect((await webhook({ event: "participant_left", room, participant: waiter })).status).toBe(200);
    expect(await status(id)).toBe("ringing");

    await api(`/api/calls/${id}/accept`, { method: "POST", json: { deviceId: "phone-1" }, headers: { cookie: callee.cookie } });
    // Another of the callee's pages that waited leaves once it is answered elsewhere: the call goes on.
    expect((await webhook({ event: "participant_left", room, participant: waiter })).status).toBe(200);
    expect(await status(id)).toBe("connected");
    // The page that answered (shown to the caller, no longer hidden) leaves: the call ends.
    const answerer = { identity: `${callee.id}:ring:tab-bbbbbbbbbb`, permission: { hidden: false, canPublish: true } };
    expect((await webhook({ event: "participant_left", room, participant: answerer })).status).toBe(200);
    expect(await status(id)).toBe("ended");
  });
});
