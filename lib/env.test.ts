import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
