import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, type Db } from "../../lib/db/client";
import { api, newAddress, signIn, useStackDatabase } from "../support/http";
import { connectClient, type TestClient, until, waitConnected } from "../support/presence";

/**
 * Who may act on a mall call, an order and a shop, through the real portal: a guest's public id
 * is not their credential, a signature binds the order version the shopper saw, and one shop's
 * staff cannot reach another shop's calls, orders or catalogue.
 */
const SHOP = "little-sprout";
const OTHER = "page-turner";
const DEMO_PASSWORD = "portal-demo-2026";
const NODE = "mall-identity-test";
let client: Db;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const sockets: TestClient[] = [];

async function staff(handle: string) {
  const { cookie } = await signIn(`${handle}@example.org`, DEMO_PASSWORD);
  if (!cookie) throw new Error(`sign-in failed for ${handle}`);
  cookies[handle] = cookie;
  ids[handle] = (await client.member.findUniqueOrThrow({ where: { handleKey: handle }, select: { id: true } })).id;
}

const as = (cookie: string, init: Parameters<typeof api>[1] = {}) => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), cookie },
});
const setCookie = (headers: Headers, name: string) =>
  headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]
    ?.slice(name.length + 1) ?? null;

/** A presence connection as a page opens it, with a ticket from the portal for this cookie. */
async function presenceFor(cookie: string) {
  const t = await api<{ ticket: string; url: string }>("/api/presence/ticket", as(cookie, { method: "POST" }));
  expect(t.status).toBe(200);
  const s = connectClient(t.body.url, { ticket: t.body.ticket });
  sockets.push(s);
  await waitConnected(s);
  return { socket: s, subject: decodeJwt(t.body.ticket).sub };
}

beforeAll(async () => {
  useStackDatabase();
  client = await db();
  for (const h of ["sprout-agent1", "pages-agent1", "northwind-owner"]) await staff(h);
  // The agent's console holds a connection (as the presence server would store it), and they are available.
  const a = ids["sprout-agent1"]!;
  await client.presenceConnection.create({
    data: {
      id: `${NODE}-${a}`,
      memberId: a,
      nodeId: NODE,
      deviceId: "t",
      address: "127.0.0.1",
      userAgent: "t",
      connectedAt: new Date(),
      lastSeenAt: new Date(Date.now() + 300_000),
    },
  });
  expect((await api("/api/console", as(cookies["sprout-agent1"]!, { method: "PUT", json: { status: "available" } }))).status).toBe(200);
});

afterAll(async () => {
  for (const s of sockets) s.close();
  const m = await client.merchant.findUniqueOrThrow({ where: { slug: SHOP } });
  for (const c of await client.mallCall.findMany({
    where: { merchantId: m.id, status: { not: "ended" } },
    select: { id: true, agentId: true },
  })) {
    await api(`/api/console/calls/${c.id}/hangup`, as(cookies["sprout-agent1"]!, { method: "POST", json: {} }));
  }
  await api("/api/console", as(cookies["sprout-agent1"]!, { method: "PUT", json: { status: "away" } }));
  await client.presenceConnection.deleteMany({ where: { nodeId: NODE } });
  await disconnectDb();
});

describe("a guest's identity in a mall call", () => {
  let callId = "";
  let guestCookie = "";
  let agentSees = "";
  const guestIp = newAddress();

  it("shows the agent a public id that does not let them act as, sign for, or watch the guest", async () => {
    const placed = await api<{ id: string; status: string }>("/api/mall/calls", {
      method: "POST",
      ip: guestIp,
      json: { merchant: SHOP, fromPath: `/mall/${SHOP}` },
    });
    expect(placed.status).toBe(201);
    callId = placed.body.id;
    const secret = setCookie(placed.headers, "portal_guest_secret");
    expect(secret).toMatch(/^[A-Za-z0-9_-]{22}$/);
    guestCookie = `portal_guest_secret=${secret}`;
    expect((await api(`/api/console/calls/${callId}/accept`, as(cookies["sprout-agent1"]!, { method: "POST", json: {} }))).status).toBe(
      200,
    );

    // What the agent sees of the guest: the LiveKit identity in the room, and the id in the call's events.
    const grant = await api<{ identity: string }>(`/api/mall/calls/${callId}/token`, as(guestCookie, { method: "POST", ip: guestIp }));
    expect(grant.status).toBe(200);
    expect(grant.body.identity).toMatch(/^guest:/);
    agentSees = grant.body.identity.slice("guest:".length);
    expect(agentSees).not.toBe(secret);
    expect((await client.mallCall.findUniqueOrThrow({ where: { id: callId } })).shopperGuestId).toBe(agentSees);

    // The guest's page listens for the call's events; so does the agent, holding a copied cookie.
    const guest = await presenceFor(guestCookie);
    expect(guest.subject).toBe(`guest:${agentSees}`);
    const forged = `portal_guest_secret=${agentSees}`;
    const spy = await presenceFor(forged);
    expect(spy.subject).not.toBe(`guest:${agentSees}`);

    // With the copied id as a cookie: nothing of the guest's call is reachable.
    const product = await client.product.findFirstOrThrow({ where: { merchant: { slug: SHOP } }, select: { id: true } });
    expect((await api(`/api/mall/calls/${callId}`, as(forged))).status).toBe(404);
    expect((await api(`/api/mall/calls/${callId}/token`, as(forged, { method: "POST" }))).status).toBe(404);
    expect((await api(`/api/mall/calls/${callId}/camera`, as(forged, { method: "POST", json: { on: true } }))).status).toBe(404);
    expect((await api(`/api/mall/calls/${callId}/leave`, as(forged, { method: "POST", json: {} }))).status).toBe(404);
    expect(
      (
        await api(
          `/api/mall/calls/${callId}/order`,
          as(cookies["sprout-agent1"]!, { method: "POST", json: { type: "add", productId: product.id } }),
        )
      ).status,
    ).toBe(200);
    const order = await client.order.findUniqueOrThrow({ where: { callId } });
    const signAs = await api(
      `/api/mall/calls/${callId}/order`,
      as(forged, { method: "POST", json: { type: "sign", name: "Agent Impostor", email: "x@example.org", version: order.version } }),
    );
    expect(signAs.status).toBe(404);
    expect((await api(`/api/mall/orders/${order.id}`, as(forged))).status).toBe(404);
    expect((await client.order.findUniqueOrThrow({ where: { id: order.id } })).signedName).toBeNull();

    // The order's news reached the guest's page, never the spy's.
    await until(() => guest.socket.events.some((e) => e.type === "mall-order"), 5000, "the order event on the guest's page");
    expect(spy.socket.events.filter((e) => e.type.startsWith("mall"))).toEqual([]);
    // And the call is still the guest's.
    expect((await api<{ status: string }>(`/api/mall/calls/${callId}`, as(guestCookie, { ip: guestIp }))).body.status).toBe("connected");
  });

  it("refuses a signature for the version before the agent's last change, and signs nothing", async () => {
    expect(callId).not.toBe("");
    const seen = await client.order.findUniqueOrThrow({ where: { callId } });
    // The agent adds an item just before the signature lands.
    const product = await client.product.findFirstOrThrow({
      where: {
        merchant: { slug: SHOP },
        NOT: { id: { in: (await client.orderItem.findMany({ where: { orderId: seen.id } })).map((i) => i.productId) } },
      },
      select: { id: true },
    });
    expect(
      (
        await api(
          `/api/mall/calls/${callId}/order`,
          as(cookies["sprout-agent1"]!, { method: "POST", json: { type: "add", productId: product.id } }),
        )
      ).status,
    ).toBe(200);

    const stale = await api<{ error: { code: string; message: string; reason: string; version: number } }>(
      `/api/mall/calls/${callId}/order`,
      as(guestCookie, {
        method: "POST",
        ip: guestIp,
        json: { type: "sign", name: "Gia Guest", email: "gia@example.org", version: seen.version },
      }),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: "CONFLICT",
      reason: "order-changed",
      version: seen.version + 1,
      message: expect.stringMatching(/changed after you reviewed it/),
    });
    const after = await client.order.findUniqueOrThrow({ where: { id: seen.id }, include: { events: true } });
    expect(after.signedName).toBeNull();
    expect(after.events.filter((e) => e.type === "signed")).toEqual([]);

    // Without a version at all: a clear 400, nothing signed.
    const none = await api<{ error: { code: string; message: string } }>(
      `/api/mall/calls/${callId}/order`,
      as(guestCookie, { method: "POST", ip: guestIp, json: { type: "sign", name: "Gia Guest", email: "gia@example.org" } }),
    );
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/version/);

    // Reviewed again: the current version signs.
    const ok = await api<{ signedName: string; version: number }>(
      `/api/mall/calls/${callId}/order`,
      as(guestCookie, {
        method: "POST",
        ip: guestIp,
        json: { type: "sign", name: "Gia Guest", email: "gia@example.org", version: after.version },
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.signedName).toBe("Gia Guest");
    const trail = await client.orderEvent.findMany({ where: { orderId: seen.id, type: "signed" } });
    expect(trail.map((e) => e.detail)).toEqual([expect.stringContaining(`for version ${after.version}`)]);
  });

  it("keeps another shop's agent and owner away from this call and its order", async () => {
    expect(callId).not.toBe("");
    const order = await client.order.findUniqueOrThrow({ where: { callId } });
    const product = await client.product.findFirstOrThrow({ where: { merchant: { slug: SHOP } }, select: { id: true } });
    for (const h of ["pages-agent1", "northwind-owner"]) {
      const c = cookies[h]!;
      expect((await api(`/api/console/calls/${callId}`, as(c))).status, h).toBe(404);
      for (const action of ["hangup", "show", "decline", "accept"]) {
        expect(
          (await api(`/api/console/calls/${callId}/${action}`, as(c, { method: "POST", json: { productId: product.id } }))).status,
          `${h} ${action}`,
        ).toBe(404);
      }
      for (const op of [
        { type: "add", productId: product.id },
        { type: "confirm" },
        { type: "remove", productId: product.id },
        { type: "verify-age" },
      ]) {
        expect((await api(`/api/mall/calls/${callId}/order`, as(c, { method: "POST", json: op }))).status, `${h} ${op.type}`).toBe(404);
      }
      expect((await api(`/api/mall/calls/${callId}/token`, as(c, { method: "POST" }))).status, h).toBe(404);
      expect((await api(`/api/mall/orders/${order.id}`, as(c))).status, h).toBe(404);
    }
    const now = await client.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(now).toMatchObject({ version: order.version, status: "open" });
    expect((await client.mallCall.findUniqueOrThrow({ where: { id: callId } })).status).toBe("connected");
    // The shop's own agent still sees it.
    expect((await api(`/api/console/calls/${callId}`, as(cookies["sprout-agent1"]!))).status).toBe(200);
    expect((await api(`/api/mall/orders/${order.id}`, as(cookies["sprout-agent1"]!))).status).toBe(200);
  });
});

describe("a shop's owner and another shop", () => {
  it("answers 404 to every write on another shop's products, categories, team and pictures, by its slug or through their own", async () => {
    const c = cookies["northwind-owner"]!;
    const other = await client.merchant.findUniqueOrThrow({
      where: { slug: OTHER },
      include: { categories: true, products: true, staff: { where: { role: "agent" } } },
    });
    const product = other.products[0]!;
    const category = other.categories[0]!;
    const agent = other.staff[0]!;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    for (const slug of [OTHER, "northwind-cellars"]) {
      const base = `/api/console/shops/${slug}`;
      const tries: [string, string, unknown][] = [
        ["PATCH", `${base}/products/${product.id}`, { name: "Taken over", price: 1 }],
        ["DELETE", `${base}/products/${product.id}`, undefined],
        ["DELETE", `${base}/categories/${category.id}`, undefined],
        ["DELETE", `${base}/agents/${agent.memberId}`, undefined],
      ];
      if (slug === OTHER) {
        tries.push([
          "POST",
          `${base}/products`,
          { categoryId: category.id, name: "Planted", price: 100, description: "", ageRestricted: false, emoji: "📦" },
        ]);
        tries.push(["POST", `${base}/categories`, { name: "Planted" }]);
        tries.push(["POST", `${base}/agents`, { member: "northwind-owner@example.org" }]);
        tries.push(["GET", base, undefined]);
      }
      for (const [method, path, json] of tries) {
        const r = await api<{ error: { code: string } }>(path, as(c, { method, ...(json !== undefined ? { json } : {}) }));
        expect(r.status, `${method} ${path}`).toBe(404);
        expect(r.body.error.code).toBe("NOT_FOUND");
      }
      const form = new FormData();
      form.set("image", new Blob([png], { type: "image/png" }), "x.png");
      const img = await api(`${base}/products/${product.id}/image`, as(c, { method: "POST", body: form }));
      expect(img.status, `image via ${slug}`).toBe(404);
    }
    const after = await client.merchant.findUniqueOrThrow({
      where: { slug: OTHER },
      include: { categories: true, products: true, staff: true },
    });
    expect(after.products.find((p) => p.id === product.id)).toMatchObject({
      name: product.name,
      priceCents: product.priceCents,
      imageKey: product.imageKey,
    });
    expect(after.categories.map((x) => x.id).sort()).toEqual(other.categories.map((x) => x.id).sort());
    expect(after.products).toHaveLength(other.products.length);
    expect(after.staff.some((s) => s.memberId === agent.memberId)).toBe(true);
    expect(after.staff.some((s) => s.memberId === ids["northwind-owner"])).toBe(false);
  });
});
