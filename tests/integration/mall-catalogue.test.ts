import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "../../lib/db/client";
import { alternatives, getProduct, getStorefront, listMerchants } from "../../lib/mall/catalogue";
import { api, useStackDatabase } from "../support/http";

beforeAll(() => useStackDatabase());
afterAll(() => disconnectDb());

describe("the mall's catalogue", () => {
  it("lists the seeded shops with their categories and products, and draws their pictures", async () => {
    const client = await db();
    const shops = await listMerchants(client);
    expect(shops.map((s) => s.slug)).toContain("northwind-cellars");
    expect(shops).toHaveLength(9);
    expect(new Set(shops.map((s) => s.category)).size).toBeGreaterThanOrEqual(7);
    const store = await getStorefront(client, "northwind-cellars");
    expect(store?.categories.map((c) => c.name)).toEqual(["Red", "White & sparkling"]);
    expect(store?.categories.flatMap((c) => c.products).filter((p) => p.ageRestricted)).toHaveLength(3);
    expect(store?.merchant.ownerHandle).toBe("northwind-owner");
    expect(await getProduct(client, "northwind-cellars", "no-such-thing")).toBeNull();

    const logo = await api("/api/mall/logos/pixel-point");
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/svg+xml");
    expect(String(logo.body)).toContain("Pixel Point logo");
    expect((await api("/api/mall/pictures/pixel-point/anc-headphones")).status).toBe(200);
    expect((await api("/api/mall/pictures/pixel-point/nope")).status).toBe(404);
    expect((await api("/api/mall/logos/..%2Fetc")).status).toBe(400);
  });

  it("says a shop is open when an agent chose available, is connected and is in no call, and points a closed shop to an open one of its kind", async () => {
    const client = await db();
    const pixel = await client.merchant.findUniqueOrThrow({ where: { slug: "pixel-point" } });
    const agent = await client.merchantStaff.findFirstOrThrow({ where: { merchantId: pixel.id, role: "agent" } });
    await client.merchantStaff.update({ where: { id: agent.id }, data: { status: "available" } });
    const conn = {
      id: `catalogue-test-${agent.memberId}`,
      memberId: agent.memberId,
      nodeId: "catalogue-test",
      deviceId: "t",
      address: "127.0.0.1",
      userAgent: "t",
      connectedAt: new Date(),
      lastSeenAt: new Date(),
    };
    try {
      // Available but with no console open: not free.
      expect((await listMerchants(client)).find((s) => s.slug === "pixel-point")!.availability.state).toBe("closed");
      await client.presenceConnection.create({ data: conn });
      const shops = await listMerchants(client);
      const p = shops.find((s) => s.slug === "pixel-point")!;
      expect(p.availability).toEqual({ agents: 2, free: 1, busy: 0, state: "open" });
      const circuit = shops.find((s) => s.slug === "circuit-house")!;
      expect(circuit.availability.state).toBe("closed");
      expect(alternatives(shops, circuit).map((s) => s.slug)).toEqual(["pixel-point"]);
    } finally {
      await client.presenceConnection.deleteMany({ where: { id: conn.id } });
      await client.merchantStaff.update({ where: { id: agent.id }, data: { status: "away" } });
    }
  });
});
