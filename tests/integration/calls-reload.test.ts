import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { RECONNECT_GRACE_MS } from "../../lib/presence/status";
import { api, signedInMember, useStackDatabase } from "../support/http";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/**
 * A member whose page reloads is between two presence connections for a moment. These run against
 * the stack's own presence server, with real Socket.IO clients holding tickets from the portal,
 * as a browser page does.
 */
beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

/** What a page does when it loads: a fresh ticket from the portal, then a connection. */
async function openPage(m: { cookie: string }): Promise<TestClient> {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", { method: "POST", headers: { cookie: m.cookie } });
  expect(t.status).toBe(200);
  const socket = connectClient(t.body.url, { ticket: t.body.ticket, deviceId: "reload-test" });
  await waitConnected(socket);
  return socket;
}

async function liveRows(memberId: string) {
  return (await db()).presenceConnection.count({ where: { memberId } });
}

/** The page goes (a reload's first half): wait until the presence server has stored it gone. */
async function closePage(socket: TestClient, memberId: string) {
  socket.close();
  await until(async () => (await liveRows(memberId)) === 0, 5000, "the connection row to go");
}

describe("calls reach a member whose page is reloading", () => {
  it("rings a callee seen moments ago, and the page that comes back shows the ringing call", async () => {
    const [caller, callee] = [await signedInMember(), await signedInMember()];
    const first = await openPage(callee);
    await until(async () => (await liveRows(callee.id)) === 1, 5000, "the callee online");

    await closePage(first, callee.id);
    const placed = await api<{ id: string; status: string; outcome: string | null }>("/api/calls", {
      method: "POST",
      json: { handle: callee.handle },
      headers: { cookie: caller.cookie },
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: "ringing", outcome: null });

    // The page comes back: it is told of the ring by the catch-up and by asking what rings.
    const back = await openPage(callee);
    await until(
      () => back.events.some((e) => e.type === "call-ring" && (e.data as { callId: string }).callId === placed.body.id),
      5000,
      "the ring in the catch-up",
    );
    const incoming = await api<{ ring: { callId: string } | null }>("/api/calls/incoming", { headers: { cookie: callee.cookie } });
    expect(incoming.body.ring?.callId).toBe(placed.body.id);

    // And the call can be taken from the page that came back.
    const accepted = await api<{ status: string }>(`/api/calls/${placed.body.id}/accept`, {
      method: "POST",
      json: { deviceId: "reload-test" },
      headers: { cookie: callee.cookie },
    });
    expect(accepted.body.status).toBe("connected");
    await api(`/api/calls/${placed.body.id}/hangup`, { method: "POST", json: {}, headers: { cookie: caller.cookie } });
    back.close();
  });

  it("still answers unavailable for a member gone longer than the grace", async () => {
    const [caller, callee] = [await signedInMember(), await signedInMember()];
    const page = await openPage(callee);
    await until(async () => (await liveRows(callee.id)) === 1, 5000, "the callee online");
    await closePage(page, callee.id);
    const gone = (await (await db()).member.findUniqueOrThrow({ where: { id: callee.id } })).presenceSeenAt!;
    // Wait out the grace on the database's record of when they went, not on a guess.
    await new Promise((r) => setTimeout(r, Math.max(0, gone.getTime() + RECONNECT_GRACE_MS + 500 - Date.now())));
    const placed = await api<{ status: string; outcome: string | null }>("/api/calls", {
      method: "POST",
      json: { handle: callee.handle },
      headers: { cookie: caller.cookie },
    });
    expect(placed.body).toMatchObject({ status: "ended", outcome: "unavailable" });
  });
});
