import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_TRUSTED_PROXIES, proxyEntryProblem } from "./http/client-address";

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
  /** Calls a member may place per minute (a stranger can ring anyone by number). */
  RATE_LIMIT_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(5),
  /** Contact requests one member may send per hour (strangers reach a member this way). */
  CONTACT_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  NEW_CONVERSATIONS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Unread messages are emailed (once) to a member away this long with no live connection. */
  MESSAGE_DIGEST_AFTER_SECONDS: z.coerce.number().int().min(1).default(600),
  /** The biggest file or picture sent in a message. */
  MESSAGE_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** Calls to shops' sales agents per client address per minute (guests may call, so strangers reach the agents). */
  RATE_LIMIT_MALL_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Number lookups through /<number> and /<email> (/api/resolve) per client address per minute. */
  RATE_LIMIT_RESOLVE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Numbers one client address may hold per hour (each cookieless browser is a new holder). */
  NUMBER_HOLDS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Open (queued, ringing or connected) shop calls of guests from one client address. */
  MALL_GUEST_CALLS_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Sign-in failures per identifier from one client address before that address is locked out of it (30 s, doubling up to 15 min). */
  SIGN_IN_FAILURES_BEFORE_LOCKOUT: z.coerce.number().int().min(1).default(5),
  /** Sign-in failures per identifier from all addresses before browsers that never signed in to it are locked out alike. */
  SIGN_IN_ACCOUNT_FAILURES_BEFORE_LOCKOUT: z.coerce.number().int().min(1).default(50),
  /**
   * How many proxies you run in front of the web server: the client address is the entry that many
   * hops from the right of X-Forwarded-For (1 = the last entry, the one your proxy appended); 0 = the
   * socket's address. "true"/"false" mean 1/0, as before.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d|true|false)$/, "must be the number of proxies in front (0-9)")
    .default("0")
    .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : Number(v))),
  /**
   * The addresses your proxies connect from (addresses and CIDR blocks, comma-separated): the
   * X-Forwarded-For hops TRUST_PROXY counts are read only from these. Loopback by default.
   */
  TRUSTED_PROXIES: z
    .string()
    .default(DEFAULT_TRUSTED_PROXIES.join(","))
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries) {
        const problem = proxyEntryProblem(entry);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    }),
  /** Load the demo members: by default only on a loopback PUBLIC_URL outside production ("1" forces, "0" never). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * 1024 * 1024),
  /** Mailbox: the longest message (and greeting), the biggest upload, and messages per sender per hour. */
  MAILBOX_MAX_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  MAILBOX_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(120 * 1024 * 1024),
  MAILBOX_MESSAGES_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Greeting recordings a member may start per hour. */
  GREETING_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Hours an unconfirmed address stays with its holder; after that, registering it takes it from them (they keep their account). */
  UNVERIFIED_EMAIL_GRACE_HOURS: z.coerce.number().int().min(1).default(24),
  /** Recorded messages and photos in S3-compatible object storage (all four set), or files under DATA_DIR. */
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** Outgoing email (new-message notices): smtp://user:pass@host:port; without it, .eml files in <DATA_DIR>/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Portal <no-reply@portal.local>"),
  /** The presence server: where it listens, where browsers reach it, where route handlers reach it. */
  PRESENCE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  PRESENCE_HOST: z.string().min(1).default("127.0.0.1"),
  PRESENCE_PUBLIC_URL: z.url().optional(),
  PRESENCE_INTERNAL_URL: z.url().optional(),
  PRESENCE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Names this presence node in its connection rows; stable across restarts so a restart clears its leftovers. */
  PRESENCE_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  /** How long a member's call rings before it is missed, and a shop's call rings one agent before the next. */
  CALL_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(30),
  MALL_AGENT_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(15),
  PRESENCE_AUTO_AWAY_SECONDS: z.coerce.number().int().min(5).default(600),
  /** Socket.IO heartbeat: a silent connection is dropped after interval + timeout. */
  PRESENCE_PING_INTERVAL_MS: z.coerce.number().int().min(1000).default(20_000),
  PRESENCE_PING_TIMEOUT_MS: z.coerce.number().int().min(1000).default(20_000),
  /**
   * Scale-out: how often a presence node tells the others it is alive; they forget a node silent for
   * three of these (a crashed node's members go offline everywhere within a minute at 15 s).
   */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(500).max(20_000).default(15_000),
  /** Scale-out: with Redis, presence nodes share events; without, the bus lives in the single presence process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must start with redis://")
    .optional(),
  /** Media: a LiveKit server of your own (all three set), or none and the launcher runs one on loopback. */
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, "must start with ws:// or wss://")
    .optional(),
  LIVEKIT_API_KEY: z.string().min(3).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The embedded LiveKit server's signalling port and its RTC ports (TCP and UDP). */
  LIVEKIT_PORT: z.coerce.number().int().min(1).max(65535).default(7880),
  LIVEKIT_RTC_TCP_PORT: z.coerce.number().int().min(1).max(65535).default(7881),
  LIVEKIT_RTC_UDP_PORT: z.coerce.number().int().min(1).max(65535).default(7882),
  LIVEKIT_BIN: z.string().min(1).default(".bin/livekit-server"),
});

export type Env = Omit<
  z.infer<typeof schema>,
  | "PRESENCE_PUBLIC_URL"
  | "PRESENCE_INTERNAL_URL"
  | "PRESENCE_SECRET"
  | "PRESENCE_NODE_ID"
  | "LIVEKIT_URL"
  | "LIVEKIT_API_KEY"
  | "LIVEKIT_API_SECRET"
> & {
  /** Where browsers connect (ws://…) and where route handlers call LiveKit's API (http://…). */
  LIVEKIT_URL: string;
  livekitApiUrl: string;
  LIVEKIT_API_KEY: string;
  LIVEKIT_API_SECRET: string;
  /** No LIVEKIT_URL given: the launcher runs the LiveKit server itself. */
  livekitEmbedded: boolean;
  DATABASE_URL: string;
  AUTH_SECRET: string;
  PRESENCE_PUBLIC_URL: string;
  PRESENCE_INTERNAL_URL: string;
  PRESENCE_SECRET: string;
  PRESENCE_NODE_ID: string;
  dbKind: "sqlite" | "postgres";
  dataDir: string;
  /** DATABASE_URL was set explicitly (not the SQLite default). */
  databaseUrlGiven: boolean;
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
  cached ??= parseEnv(process.env);
  return cached;
}

/** Parses and completes a configuration from the given variables (pure but for reading data/secrets.json). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const generated = readGeneratedSecrets(dataDir);
  const secret = e.AUTH_SECRET ?? generated.AUTH_SECRET;
  const presenceSecret = e.PRESENCE_SECRET ?? generated.PRESENCE_SECRET;
  const livekitSecret = e.LIVEKIT_API_SECRET ?? generated.LIVEKIT_API_SECRET;
  if ((!secret || !presenceSecret || !livekitSecret) && e.NODE_ENV === "production") {
    const missing = !secret ? "AUTH_SECRET" : !presenceSecret ? "PRESENCE_SECRET" : "LIVEKIT_API_SECRET";
    throw new Error(`${missing} is not set and data/secrets.json is missing: run \`npm start\` once or set ${missing}`);
  }
  const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "portal.db")}`;
  const ownLivekit = [e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET];
  if (ownLivekit.some(Boolean) && !ownLivekit.every(Boolean)) {
    throw new Error("Invalid configuration:\n  LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET go together: set all three or none");
  }
  const s3 = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY];
  if (s3.some(Boolean) && !s3.every(Boolean)) {
    throw new Error(
      "Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four or none",
    );
  }
  const livekitUrl = e.LIVEKIT_URL ?? `ws://127.0.0.1:${e.LIVEKIT_PORT}`;
  return {
    ...e,
    databaseUrlGiven: e.DATABASE_URL !== undefined,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret ?? "development-only-secret-do-not-use-in-production",
    PRESENCE_SECRET: presenceSecret ?? "development-only-presence-secret-not-for-production",
    PRESENCE_PUBLIC_URL: e.PRESENCE_PUBLIC_URL ?? `http://localhost:${e.PRESENCE_PORT}`,
    PRESENCE_INTERNAL_URL: e.PRESENCE_INTERNAL_URL ?? `http://127.0.0.1:${e.PRESENCE_PORT}`,
    PRESENCE_NODE_ID: e.PRESENCE_NODE_ID ?? `node-${e.PRESENCE_PORT}`,
    LIVEKIT_URL: livekitUrl,
    livekitApiUrl: livekitUrl.replace(/^ws/, "http"),
    LIVEKIT_API_KEY: e.LIVEKIT_API_KEY ?? "portal",
    LIVEKIT_API_SECRET: livekitSecret ?? "development-only-livekit-secret-not-for-production",
    livekitEmbedded: !e.LIVEKIT_URL,
    dbKind: databaseUrl.startsWith("file:") ? "sqlite" : "postgres",
    dataDir,
  };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * Why this configuration serves more than this machine, or null. The bound addresses count as much as
 * the public one: HOST=0.0.0.0 serves the network whatever PUBLIC_URL says.
 */
export function networkExposure(e: Env): string | null {
  if (!LOOPBACK.test(new URL(e.PUBLIC_URL).hostname)) return `PUBLIC_URL ${e.PUBLIC_URL} is not loopback`;
  if (!LOOPBACK.test(e.HOST)) return `HOST ${e.HOST} is not loopback`;
  if (!LOOPBACK.test(e.PRESENCE_HOST)) return `PRESENCE_HOST ${e.PRESENCE_HOST} is not loopback`;
  return null;
}

/**
 * What the launcher decides from the operator's own environment (before it sets NODE_ENV=production
 * for its children): whether this is a deployment, whether to load the demo members, and which
 * secrets are unfit. A deployment is NODE_ENV=production or a non-loopback PUBLIC_URL, HOST or
 * PRESENCE_HOST; there the demo members (published password) are loaded only with SEED_DEMO=1, and
 * every secret must come from the environment: the built-in fallbacks and the ones generated into
 * data/secrets.json are refused (several nodes would each generate their own, and the file sits
 * beside the data).
 */
export function deploymentCheck(
  e: Env,
  source: Record<string, string | undefined> = process.env,
): { deployed: boolean; reason: string | null; seedDemo: boolean; problems: string[] } {
  const reason = e.NODE_ENV === "production" ? "NODE_ENV=production" : networkExposure(e);
  const deployed = reason !== null;
  const seedDemo = e.SEED_DEMO ? e.SEED_DEMO === "1" : !deployed;
  const problems: string[] = [];
  if (deployed) {
    const weak = (v: string | undefined) => !v || BUILT_IN_SECRET.test(v);
    if (weak(source.AUTH_SECRET)) problems.push("AUTH_SECRET must be set (32+ random characters) for a deployment");
    if (weak(source.PRESENCE_SECRET)) problems.push("PRESENCE_SECRET must be set (32+ random characters) for a deployment");
    if (weak(source.LIVEKIT_API_SECRET) || !source.LIVEKIT_API_KEY || source.LIVEKIT_API_KEY === "portal") {
      problems.push(
        'LIVEKIT_URL, LIVEKIT_API_KEY (not "portal") and LIVEKIT_API_SECRET must name your own LiveKit server for a deployment (the embedded one is a loopback development server)',
      );
    }
    if (
      new Set([source.AUTH_SECRET, source.PRESENCE_SECRET, source.LIVEKIT_API_SECRET].filter(Boolean)).size <
      [source.AUTH_SECRET, source.PRESENCE_SECRET, source.LIVEKIT_API_SECRET].filter(Boolean).length
    ) {
      problems.push("AUTH_SECRET, PRESENCE_SECRET and LIVEKIT_API_SECRET must differ from each other");
    }
  }
  return { deployed, reason, seedDemo, problems };
}

/** The fallbacks parseEnv puts in when nothing is set: published in this file, so anyone can sign with them. */
const BUILT_IN_SECRET = /^development-only/;

/**
 * What each server process (server/web.ts, server/presence/main.ts) checks as it starts, since
 * either may be started by hand without the launcher. Exposed to the network: everything the launcher
 * demands of a deployment. On loopback in production: no built-in secret. NODE_ENV=production alone
 * cannot demand more here, because the launcher sets it for its children on the README's local start
 * too, handing them the random secrets it generated into data/secrets.json.
 */
export function serverStartProblems(e: Env, source: Record<string, string | undefined> = process.env): string[] {
  if (networkExposure(e)) return deploymentCheck(e, source).problems;
  if (e.NODE_ENV !== "production") return [];
  return (["AUTH_SECRET", "PRESENCE_SECRET", "LIVEKIT_API_SECRET"] as const)
    .filter((name) => BUILT_IN_SECRET.test(e[name]))
    .map((name) => `${name} is a built-in development secret (published in the source): set a random one of your own`);
}

/** For tests and benchmarks that point this process at another database or portal. */
export function resetEnvForTests(): void {
  cached = undefined;
}

export function setEnvForTests(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cached = undefined;
}

/** The environment for a child process: this one's, plus the given variables. */
export function childProcessEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra } as NodeJS.ProcessEnv;
}
