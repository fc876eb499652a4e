import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import { clientAddressFrom, DEFAULT_TRUSTED_PROXIES, proxyCheck, proxyEntryProblem } from "./client-address";
import { addressKey, clientAddress, MEMORY_STORE_MAX_KEYS, MemoryStore, RateLimiter, RedisStore } from "./rate-limit";

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
}

describe("RateLimiter on the memory store", () => {
  it("allows the limit, refuses the next with a retry time, and resets after the window", async () => {
    const rl = new RateLimiter(new MemoryStore(), "t", 3, 60_000, "attempts");
    for (let i = 0; i < 3; i++) await rl.hit("a", 1000);
    const err = await refusal(rl.hit("a", 31_000));
    expect(err).toBeInstanceOf(DomainError);
    expect(err.code).toBe("RATE_LIMITED");
    expect(err.details?.retryAfterSeconds).toBe(30);
    await expect(rl.hit("b", 31_000)).resolves.toBeUndefined();
    await expect(rl.hit("a", 61_000)).resolves.toBeUndefined();
  });

  it("keeps limiters sharing a store apart by name", async () => {
    const store = new MemoryStore();
    const one = new RateLimiter(store, "one", 1, 60_000, "x");
    const two = new RateLimiter(store, "two", 1, 60_000, "y");
    await one.hit("k", 0);
    await expect(two.hit("k", 0)).resolves.toBeUndefined();
    expect((await refusal(one.hit("k", 0))).code).toBe("RATE_LIMITED");
  });
});

describe("the memory store's size", () => {
  it("stays at its cap under a flood of distinct keys, forgetting the least recently counted (found in review: unbounded)", async () => {
    const store = new MemoryStore();
    const rl = new RateLimiter(store, "flood", 3, 60_000, "attempts");
    for (let i = 0; i < 3; i++) await rl.hit("attacker", 0);
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      await store.incr(`flood:${i}`, 60_000, 1);
      if (i % 1000 === 0) {
        largest = Math.max(largest, store.size);
        // Past the cap already: no need to wait for the rest of the flood.
        if (largest > MEMORY_STORE_MAX_KEYS) break;
        // A client that keeps coming back stays counted however many others pass.
        if (i % 10_000 === 0) await refusal(rl.hit("attacker", 1));
      }
    }
    expect(largest).toBeLessThanOrEqual(MEMORY_STORE_MAX_KEYS);
    // Eviction makes room for a tenth of the cap at once.
    expect(store.size).toBeGreaterThanOrEqual(MEMORY_STORE_MAX_KEYS * 0.9);
    expect((await store.peek("flood:0", 1)).count).toBe(0);
    expect((await store.peek("flood:999999", 1)).count).toBe(1);
    expect((await refusal(rl.hit("attacker", 2))).code).toBe("RATE_LIMITED");
    // A million counts take a second or two; the default 5 s is tight on a busy machine.
  }, 60_000);

  it("drops expired windows on its own, not only when the cap is reached", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 1000; i++) await store.incr(`short:${i}`, 1000, 0);
    await store.incr("long", 3_600_000, 0);
    expect(store.size).toBe(1001);
    await store.incr("later", 1000, 60_000);
    expect(store.size).toBe(2);
  });
});

describe("the client address", () => {
  const loopback = proxyCheck(DEFAULT_TRUSTED_PROXIES);
  const ours = proxyCheck([...DEFAULT_TRUSTED_PROXIES, "172.16.0.0/12", "fd00::/8"]);

  it("takes the entry as many hops from the right as there are trusted proxies", () => {
    // One proxy of ours appended the address it saw; whatever the client wrote is further left.
    expect(clientAddressFrom("6.6.6.6, 10.0.0.7", "127.0.0.1", 1, loopback)).toBe("10.0.0.7");
    expect(clientAddressFrom("10.0.0.7", "127.0.0.1", 1, loopback)).toBe("10.0.0.7");
    expect(clientAddressFrom(["6.6.6.6", "10.0.0.7, 172.16.0.2"], "127.0.0.1", 2, ours)).toBe("10.0.0.7");
    expect(clientAddressFrom("6.6.6.6", "192.0.2.4", 0, loopback)).toBe("192.0.2.4");
    expect(clientAddressFrom(undefined, "192.0.2.4", 1, loopback)).toBe("192.0.2.4");
    expect(clientAddressFrom(undefined, undefined, 0, loopback)).toBe("unknown");
    expect(clientAddressFrom("10.0.0.7", "::ffff:127.0.0.1", 1, loopback)).toBe("10.0.0.7");
    expect(clientAddressFrom("10.0.0.7", "::1", 1, loopback)).toBe("10.0.0.7");
  });

  it("reads X-Forwarded-For only from a trusted proxy, hop by hop (found in review: any peer was believed)", () => {
    // A client connecting directly, not through our proxy, names whatever address it likes.
    expect(clientAddressFrom("10.0.0.7", "203.0.113.9", 1, loopback)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.7", "::ffff:203.0.113.9", 1, loopback)).toBe("203.0.113.9");
    expect(clientAddressFrom("10.0.0.7", "2001:db8::9", 1, ours)).toBe("2001:db8::9");
    // Two proxies configured, but the hop before the local one is not ours: its entries are not believed.
    expect(clientAddressFrom("6.6.6.6, 198.51.100.3", "127.0.0.1", 2, loopback)).toBe("198.51.100.3");
    expect(clientAddressFrom("6.6.6.6, 198.51.100.3", "127.0.0.1", 2, ours)).toBe("198.51.100.3");
    expect(clientAddressFrom("6.6.6.6, 172.16.5.1", "127.0.0.1", 2, ours)).toBe("6.6.6.6");
    expect(clientAddressFrom("10.0.0.7", "fd00::2", 1, ours)).toBe("10.0.0.7");
    // Nobody trusted at all.
    expect(clientAddressFrom("10.0.0.7", "127.0.0.1", 1, proxyCheck([]))).toBe("127.0.0.1");
  });

  it("accepts addresses and CIDR blocks, and says what is wrong with anything else", () => {
    expect(proxyEntryProblem("10.0.0.0/8")).toBeNull();
    expect(proxyEntryProblem("2001:db8::/32")).toBeNull();
    expect(proxyEntryProblem("192.0.2.1")).toBeNull();
    expect(proxyEntryProblem("10.0.0.0/33")).toMatch(/prefix length/);
    expect(proxyEntryProblem("localhost")).toMatch(/not an IP address/);
    expect(proxyEntryProblem("10.0.0.0/8/1")).toMatch(/not an IP address/);
    expect(proxyCheck(["10.0.0.0/8"])("10.200.1.1")).toBe(true);
    expect(proxyCheck(["10.0.0.0/8"])("11.0.0.1")).toBe(false);
    expect(proxyCheck(["10.0.0.0/8"])("unknown")).toBe(false);
  });

  it("is read from the one address server/web.ts leaves in x-forwarded-for", () => {
    expect(clientAddress(new Request("http://x/", { headers: { "x-forwarded-for": "10.0.0.7" } }))).toBe("10.0.0.7");
    expect(clientAddress(new Request("http://x/"))).toBe("unknown");
  });
});

describe("RedisStore against a real redis-server", () => {
  let server: ChildProcess | undefined;
  const port = 6600 + Math.floor(Math.random() * 300);
  const clients: Redis[] = [];

  beforeAll(async () => {
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      const up = await new Promise<boolean>((r) =>
        net
          .connect(port, "127.0.0.1")
          .on("connect", function (this: net.Socket) {
            this.end();
            r(true);
          })
          .on("error", () => r(false)),
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("redis-server did not start");
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    server?.kill("SIGKILL");
  });
  const client = () => {
    const c = new Redis(`redis://127.0.0.1:${port}`);
    clients.push(c);
    return c;
  };

  it("shares one window between two processes' limiters (two connections), with a retry time and expiry", async () => {
    const a = new RateLimiter(new RedisStore(client()), "shared", 5, 60_000, "attempts");
    const b = new RateLimiter(new RedisStore(client()), "shared", 5, 60_000, "attempts");
    // Ten concurrent hits from "two web nodes": exactly five pass.
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).hit("10.1.2.3")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe("RATE_LIMITED");
    expect(refused.reason.details.retryAfterSeconds).toBeGreaterThan(50);
    expect(refused.reason.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    const ttl = await client().pttl("rl:shared:10.1.2.3");
    expect(ttl).toBeGreaterThan(0);
  });

  it("starts a new window when the old one expired, and peeks and resets", async () => {
    const store = new RedisStore(client());
    const short = new RateLimiter(store, "short", 1, 200, "x");
    await short.hit("k");
    expect((await refusal(short.hit("k"))).code).toBe("RATE_LIMITED");
    expect((await store.peek("short:k")).count).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    await expect(short.hit("k")).resolves.toBeUndefined();
    await store.reset("short:k");
    expect((await store.peek("short:k")).count).toBe(0);
  });
});

describe("the address a limit counts", () => {
  it("is an IPv4 address as it is, and an IPv6 address by its /64 (found in review: a /64 gave endless keys)", () => {
    expect(addressKey("10.1.2.3")).toBe("10.1.2.3");
    expect(addressKey("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("unknown")).toBe("unknown");
  });
});
