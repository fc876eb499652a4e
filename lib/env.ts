import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads process.env. Everything is optional: a fresh clone
 * runs on embedded defaults (SQLite under ./data, files on disk, local servers).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .optional(),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the web server binds to; loopback unless you mean to serve a network. */
  HOST: z.string().min(1).default("127.0.0.1"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NUMBER_HOLD_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Sign-up and sign-in attempts allowed per client address per minute. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Number availability look-ups per client address per minute (typing is chatty). */
  RATE_LIMIT_LOOKUP_PER_MINUTE: z.coerce.number().int().min(1).default(240),
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
});

export type Env = z.infer<typeof schema> & {
  DATABASE_URL: string;
  AUTH_SECRET: string;
  dbKind: "sqlite" | "postgres";
  dataDir: string;
};

let cached: Env | undefined;

/** Secrets the launcher generated on first start, so nothing needs setting by hand. */
function readGeneratedSecrets(dataDir: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  } catch {
    return {};
  }
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const generated = readGeneratedSecrets(dataDir);
  const secret = e.AUTH_SECRET ?? generated.AUTH_SECRET;
  if (!secret) {
    if (e.NODE_ENV === "production") {
      throw new Error("AUTH_SECRET is not set and data/secrets.json is missing: run `npm start` once or set AUTH_SECRET");
    }
  }
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "portal.db")}`;
  cached = {
    ...e,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret ?? "development-only-secret-do-not-use-in-production",
    dbKind: databaseUrl.startsWith("file:") ? "sqlite" : "postgres",
    dataDir,
  };
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
