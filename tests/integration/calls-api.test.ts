import { describe, expect, it } from "vitest";
import { api, signedInMember } from "../support/http";

describe("the calls API", () => {
  it("refuses strangers, bad input and a sixth call in a minute, each with a clear message", async () => {
    const a = await signedInMember();
    const b = await signedInMember();
    expect((await api("/api/calls", { method: "POST", json: { number: b.number } })).status).toBe(401);

    const bad = await api<{ error: { code: string; message: string } }>("/api/calls", {
      method: "POST",
      json: { number: "12AB" },
      headers: { cookie: a.cookie },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/12 digits/);

    // B is offline: each call ends as unavailable at once, and counts against the limit.
    for (let i = 0; i < 4; i++) {
      const r = await api<{ outcome: string }>("/api/calls", { method: "POST", json: { handle: b.handle }, headers: { cookie: a.cookie } });
      expect(r.status).toBe(201);
      expect(r.body.outcome).toBe("unavailable");
    }
    const limited = await api<{ error: { code: string; message: string } }>("/api/calls", {
      method: "POST",
      json: { number: b.number },
      headers: { cookie: a.cookie },
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/Too many calls/);

    // Another member's call: not found, neither its details nor a token nor a hang-up.
    const history = await api<{ calls: { id: string }[] }>("/api/calls", { headers: { cookie: a.cookie } });
    const id = history.body.calls[0]!.id;
    for (const [method, path] of [
      ["GET", `/api/calls/${id}`],
      ["POST", `/api/calls/${id}/token`],
      ["POST", `/api/calls/${id}/hangup`],
    ] as const) {
      const r = await api(path, {
        method,
        headers: { cookie: (await signedInMember()).cookie },
        ...(method === "POST" ? { json: {} } : {}),
      });
      expect(r.status, `${method} ${path}`).toBe(404);
    }
  });

  it("accepts only webhooks signed with the portal's LiveKit key", async () => {
    const forged = await api<{ error: { code: string } }>("/api/livekit/webhook", {
      method: "POST",
      body: JSON.stringify({ event: "participant_left", room: { name: "call-x" }, participant: { identity: "m" } }),
      headers: { "content-type": "application/webhook+json", authorization: "not-a-valid-jwt" },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("UNAUTHENTICATED");
  });
});
