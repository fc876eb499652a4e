import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { deploymentCheck, parseEnv, serverStartProblems } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const EMPTY_DIR = "/tmp/portal-env-test-nothing-here";

describe("configuration", () => {
  it("runs on embedded defaults with nothing set", () => {
    const e = parseEnv({ DATA_DIR: EMPTY_DIR });
    expect(e.dbKind).toBe("sqlite");
    expect(e.DATABASE_URL).toBe("file:/tmp/portal-env-test-nothing-here/portal.db");
    expect(e.PORT).toBe(3000);
    expect(e.NUMBER_HOLD_MINUTES).toBe(10);
  });

  it("drops a silent presence connection, and a crashed node's members, within a minute by default", () => {
    const e = parseEnv({ DATA_DIR: EMPTY_DIR });
    expect(e.PRESENCE_PING_INTERVAL_MS + e.PRESENCE_PING_TIMEOUT_MS).toBeLessThan(60_000);
    // Other nodes forget a crashed one after three missed heartbeats, checked every 5 s.
    expect(3 * e.PRESENCE_HEARTBEAT_MS + 5_000).toBeLessThanOrEqual(60_000);
  });

  it("switches to PostgreSQL when DATABASE_URL names one", () => {
    const e = parseEnv({ DATA_DIR: EMPTY_DIR, DATABASE_URL: "postgresql://u@127.0.0.1:5432/db" });
    expect(e.dbKind).toBe("postgres");
    expect(e.databaseUrlGiven).toBe(true);
  });

  it("fails fast with every problem named", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://nope", PORT: "seventy" })).toThrow(/DATABASE_URL: must start with file:.*\n.*PORT/s);
  });

  it("refuses to run in production without a secret", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATA_DIR: EMPTY_DIR })).toThrow(/AUTH_SECRET is not set/);
  });

  it("refuses to run in production without the LiveKit secret too", () => {
    const dir = fs.mkdtempSync("/tmp/portal-env-test-");
    const secrets = { AUTH_SECRET: "a".repeat(40), PRESENCE_SECRET: "b".repeat(40) };
    expect(() => parseEnv({ NODE_ENV: "production", DATA_DIR: dir, ...secrets })).toThrow(/LIVEKIT_API_SECRET is not set/);
    expect(
      parseEnv({
        NODE_ENV: "production",
        DATA_DIR: dir,
        ...secrets,
        LIVEKIT_URL: "wss://lk.example.com",
        LIVEKIT_API_KEY: "key",
        LIVEKIT_API_SECRET: "c".repeat(40),
      }).LIVEKIT_API_SECRET,
    ).toBe("c".repeat(40));
  });

  it("reads TRUST_PROXY as the number of proxies in front (true/false still meaning 1/0)", () => {
    expect(parseEnv({ DATA_DIR: EMPTY_DIR }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ DATA_DIR: EMPTY_DIR, TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ DATA_DIR: EMPTY_DIR, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ DATA_DIR: EMPTY_DIR, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(() => parseEnv({ DATA_DIR: EMPTY_DIR, TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: must be the number of proxies/);
  });

  it("reads TRUSTED_PROXIES as addresses and CIDR blocks, loopback by default", () => {
    expect(parseEnv({ DATA_DIR: EMPTY_DIR }).TRUSTED_PROXIES).toEqual(["127.0.0.0/8", "::1"]);
    expect(parseEnv({ DATA_DIR: EMPTY_DIR, TRUSTED_PROXIES: " 10.0.0.0/8, fd00::/8 ,192.0.2.7" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "fd00::/8",
      "192.0.2.7",
    ]);
    expect(parseEnv({ DATA_DIR: EMPTY_DIR, TRUSTED_PROXIES: "" }).TRUSTED_PROXIES).toEqual([]);
    expect(() => parseEnv({ DATA_DIR: EMPTY_DIR, TRUSTED_PROXIES: "10.0.0.0/8,proxy.internal" })).toThrow(
      /TRUSTED_PROXIES: "proxy.internal" is not an IP address/,
    );
  });

  describe("deployments", () => {
    const own = {
      AUTH_SECRET: "a".repeat(40),
      PRESENCE_SECRET: "b".repeat(40),
      LIVEKIT_URL: "wss://lk.example.com",
      LIVEKIT_API_KEY: "prod-key",
      LIVEKIT_API_SECRET: "c".repeat(40),
    };
    const check = (vars: Record<string, string>) => deploymentCheck(parseEnv({ DATA_DIR: EMPTY_DIR, ...vars }), vars);

    it("loads the demo on the README's loopback start, and not on a public address or in production", () => {
      expect(check({})).toMatchObject({ deployed: false, seedDemo: true, problems: [] });
      expect(check({ PUBLIC_URL: "http://127.0.0.1:3000" })).toMatchObject({ deployed: false, seedDemo: true });
      expect(check({ PUBLIC_URL: "https://portal.example.com", ...own })).toMatchObject({ deployed: true, seedDemo: false, problems: [] });
      expect(check({ NODE_ENV: "production", ...own })).toMatchObject({ deployed: true, seedDemo: false, problems: [] });
      expect(check({ PUBLIC_URL: "https://portal.example.com", SEED_DEMO: "1", ...own }).seedDemo).toBe(true);
      expect(check({ SEED_DEMO: "0" }).seedDemo).toBe(false);
    });

    it("refuses built-in or generated secrets there, naming each", () => {
      const r = check({ PUBLIC_URL: "https://portal.example.com" });
      expect(r.problems.join("\n")).toMatch(
        /AUTH_SECRET must be set.*\n.*PRESENCE_SECRET must be set.*\n.*LIVEKIT_URL, LIVEKIT_API_KEY \(not "portal"\)/s,
      );
      expect(check({ NODE_ENV: "production", ...own, LIVEKIT_API_KEY: "portal" }).problems).toHaveLength(1);
      expect(
        check({ NODE_ENV: "production", ...own, AUTH_SECRET: "development-only-secret-do-not-use-in-production" }).problems[0],
      ).toMatch(/AUTH_SECRET/);
      expect(check({ NODE_ENV: "production", ...own, PRESENCE_SECRET: own.AUTH_SECRET }).problems[0]).toMatch(/must differ/);
    });

    it("counts a non-loopback HOST or PRESENCE_HOST as a deployment (no demo members, secrets required) whatever PUBLIC_URL says", () => {
      for (const bound of [{ HOST: "0.0.0.0" }, { HOST: "::" }, { HOST: "192.0.2.10" }, { PRESENCE_HOST: "0.0.0.0" }] as Record<
        string,
        string
      >[]) {
        const r = check(bound);
        expect(r, JSON.stringify(bound)).toMatchObject({ deployed: true, seedDemo: false });
        expect(r.reason).toMatch(/HOST .* is not loopback/);
        expect(r.problems.join("\n")).toMatch(/AUTH_SECRET must be set/);
      }
      for (const host of ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]) expect(check({ HOST: host }).deployed, host).toBe(false);
    });
  });

  describe("a server process started by hand (no launcher)", () => {
    const own = {
      AUTH_SECRET: "a".repeat(40),
      PRESENCE_SECRET: "b".repeat(40),
      LIVEKIT_URL: "wss://lk.example.com",
      LIVEKIT_API_KEY: "prod-key",
      LIVEKIT_API_SECRET: "c".repeat(40),
    };
    const problems = (vars: Record<string, string>) => serverStartProblems(parseEnv({ DATA_DIR: EMPTY_DIR, ...vars }), vars);

    it("refuses each built-in secret in production, even on loopback", () => {
      expect(problems({ NODE_ENV: "production", ...own })).toEqual([]);
      expect(problems({ NODE_ENV: "production", ...own, AUTH_SECRET: "development-only-secret-do-not-use-in-production" })).toEqual([
        expect.stringMatching(/^AUTH_SECRET is a built-in development secret/),
      ]);
      expect(problems({ NODE_ENV: "production", ...own, PRESENCE_SECRET: "development-only-presence-secret-not-for-production" })).toEqual([
        expect.stringMatching(/^PRESENCE_SECRET is a built-in development secret/),
      ]);
      expect(
        problems({ NODE_ENV: "production", ...own, LIVEKIT_API_SECRET: "development-only-livekit-secret-not-for-production" }),
      ).toEqual([expect.stringMatching(/^LIVEKIT_API_SECRET is a built-in development secret/)]);
    });

    it("refuses the built-in secrets on a non-loopback HOST or PUBLIC_URL even outside production, as the launcher would", () => {
      expect(problems({ HOST: "0.0.0.0" }).join("\n")).toMatch(/AUTH_SECRET must be set.*PRESENCE_SECRET must be set.*LIVEKIT/s);
      expect(problems({ PRESENCE_HOST: "0.0.0.0" })).not.toEqual([]);
      expect(problems({ PUBLIC_URL: "https://portal.example.com" })).not.toEqual([]);
      expect(problems({ HOST: "0.0.0.0", ...own })).toEqual([]);
    });

    it("lets the README's local start run: loopback, outside production, on the built-in fallbacks", () => {
      expect(problems({})).toEqual([]);
      expect(problems({ NODE_ENV: "test" })).toEqual([]);
    });
  });

  it("is the only module of the portal that reads process.env", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(p);
        } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") && p !== path.join(root, "lib/env.ts")) {
          if (/process\.env\b/.test(fs.readFileSync(p, "utf8"))) offenders.push(path.relative(root, p));
        }
      }
    };
    for (const dir of ["app", "components", "lib", "server"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
