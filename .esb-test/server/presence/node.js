// server/presence/node.ts
import { z as z5 } from "zod";

// lib/env.ts
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// lib/http/client-address.ts
import net from "node:net";
var DEFAULT_TRUSTED_PROXIES = ["127.0.0.0/8", "::1"];
function proxyEntryProblem(entry) {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (!family || rest.length) return `"${entry}" is not an IP address or a CIDR block (10.0.0.0/8, fd00::/8)`;
  if (prefix !== void 0 && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))) {
    return `"${entry}" has a prefix length out of range`;
  }
  return null;
}

// lib/env.ts
var schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z.string().regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)").optional(),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3e3),
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
  MESSAGE_FILE_MAX_BYTES: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
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
  TRUST_PROXY: z.string().regex(/^(\d|true|false)$/, "must be the number of proxies in front (0-9)").default("0").transform((v) => v === "true" ? 1 : v === "false" ? 0 : Number(v)),
  /**
   * The addresses your proxies connect from (addresses and CIDR blocks, comma-separated): the
   * X-Forwarded-For hops TRUST_PROXY counts are read only from these. Loopback by default.
   */
  TRUSTED_PROXIES: z.string().default(DEFAULT_TRUSTED_PROXIES.join(",")).transform(
    (v) => v.split(",").map((s) => s.trim()).filter(Boolean)
  ).superRefine((entries, ctx) => {
    for (const entry of entries) {
      const problem = proxyEntryProblem(entry);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }
  }),
  /** Load the demo members: by default only on a loopback PUBLIC_URL outside production ("1" forces, "0" never). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
  /** Mailbox: the longest message (and greeting), the biggest upload, and messages per sender per hour. */
  MAILBOX_MAX_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  MAILBOX_MAX_BYTES: z.coerce.number().int().min(64 * 1024).default(120 * 1024 * 1024),
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
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Portal <no-reply@portal.local>"),
  /** The presence server: where it listens, where browsers reach it, where route handlers reach it. */
  PRESENCE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  PRESENCE_HOST: z.string().min(1).default("127.0.0.1"),
  PRESENCE_PUBLIC_URL: z.url().optional(),
  PRESENCE_INTERNAL_URL: z.url().optional(),
  PRESENCE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Names this presence node in its connection rows; stable across restarts so a restart clears its leftovers. */
  PRESENCE_NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/).optional(),
  /** How long a member's call rings before it is missed, and a shop's call rings one agent before the next. */
  CALL_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(30),
  MALL_AGENT_RING_SECONDS: z.coerce.number().int().min(5).max(120).default(15),
  PRESENCE_AUTO_AWAY_SECONDS: z.coerce.number().int().min(5).default(600),
  /** Socket.IO heartbeat: a silent connection is dropped after interval + timeout. */
  PRESENCE_PING_INTERVAL_MS: z.coerce.number().int().min(1e3).default(2e4),
  PRESENCE_PING_TIMEOUT_MS: z.coerce.number().int().min(1e3).default(2e4),
  /**
   * Scale-out: how often a presence node tells the others it is alive; they forget a node silent for
   * three of these (a crashed node's members go offline everywhere within a minute at 15 s).
   */
  PRESENCE_HEARTBEAT_MS: z.coerce.number().int().min(500).max(2e4).default(15e3),
  /** Scale-out: with Redis, presence nodes share events; without, the bus lives in the single presence process. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must start with redis://").optional(),
  /** Media: a LiveKit server of your own (all three set), or none and the launcher runs one on loopback. */
  LIVEKIT_URL: z.string().regex(/^wss?:\/\//, "must start with ws:// or wss://").optional(),
  LIVEKIT_API_KEY: z.string().min(3).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** The embedded LiveKit server's signalling port and its RTC ports (TCP and UDP). */
  LIVEKIT_PORT: z.coerce.number().int().min(1).max(65535).default(7880),
  LIVEKIT_RTC_TCP_PORT: z.coerce.number().int().min(1).max(65535).default(7881),
  LIVEKIT_RTC_UDP_PORT: z.coerce.number().int().min(1).max(65535).default(7882),
  LIVEKIT_BIN: z.string().min(1).default(".bin/livekit-server")
});
var cached;
function readGeneratedSecrets(dataDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  } catch {
    return {};
  }
}
function env() {
  cached ??= parseEnv(process.env);
  return cached;
}
function parseEnv(source) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:
${lines.join("\n")}`);
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
      "Invalid configuration:\n  S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set all four or none"
    );
  }
  const livekitUrl = e.LIVEKIT_URL ?? `ws://127.0.0.1:${e.LIVEKIT_PORT}`;
  return {
    ...e,
    databaseUrlGiven: e.DATABASE_URL !== void 0,
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
    dataDir
  };
}

// lib/mailbox/default-mailer.ts
import path3 from "node:path";

// lib/mailbox/notify.ts
import fs2 from "node:fs/promises";
import path2 from "node:path";
import nodemailer from "nodemailer";

// lib/errors.ts
var ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_NUMBER: 400,
  INVALID_PATTERN: 400,
  INVALID_SPELLING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  HANDLE_TAKEN: 409,
  EMAIL_TAKEN: 409,
  NUMBER_TAKEN: 409,
  NUMBER_HELD: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SEQUENCE_EXHAUSTED: 503,
  UNAVAILABLE: 503,
  INTERNAL: 500
};
var DomainError = class extends Error {
  constructor(code, message, details) {
    super(message);
    this.code = code;
    this.details = details;
    this.name = "DomainError";
  }
  code;
  details;
  get status() {
    return ERROR_STATUS[this.code];
  }
};

// lib/numbers/format.ts
function formatNumber(digitsOrSpelled) {
  const s = digitsOrSpelled;
  return `${s.slice(0, 4)} ${s.slice(4, 8)} ${s.slice(8, 12)}`;
}

// lib/numbers/keypad.ts
var KEYPAD = {
  "2": "ABC",
  "3": "DEF",
  "4": "GHI",
  "5": "JKL",
  "6": "MNO",
  "7": "PQRS",
  "8": "TUV",
  "9": "WXYZ"
};
var LETTER_TO_DIGIT = Object.fromEntries(
  Object.entries(KEYPAD).flatMap(([digit2, letters]) => [...letters].map((l) => [l, digit2]))
);

// lib/numbers/spelling.ts
var LETTER = /[A-Z]/;
function wordOf(spelled) {
  const first = spelled.search(LETTER);
  if (first < 0) return null;
  let last = spelled.length - 1;
  while (!LETTER.test(spelled[last])) last--;
  return spelled.slice(first, last + 1);
}
var groupsOf4 = (s) => s.match(/.{1,4}/g)?.join(" ") ?? "";
function showNumber(digits, spelled) {
  const word = spelled ? wordOf(spelled) : null;
  if (!spelled || !word) return formatNumber(digits);
  const at = spelled.indexOf(word);
  return [groupsOf4(spelled.slice(0, at)), word, groupsOf4(spelled.slice(at + word.length))].filter(Boolean).join(" ");
}
var shownNumber = (n) => n ? showNumber(n.digits, n.spelled) : null;
var SHOWN_NUMBER = { digits: true, spelled: true };

// lib/mailbox/notify.ts
function createMailer(opts) {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      if (opts.smtpUrl) return;
      await fs2.mkdir(opts.outboxDir, { recursive: true });
      const name = `${(/* @__PURE__ */ new Date()).toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await fs2.writeFile(path2.join(opts.outboxDir, name), info.message);
    }
  };
}

// lib/mailbox/default-mailer.ts
var mailer;
function defaultMailer() {
  const e = env();
  mailer ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path3.join(e.dataDir, "outbox") });
  return mailer;
}

// lib/presence/visibility.ts
var AUDIENCES = ["everyone", "contacts", "nobody"];
var DETAILS = ["full", "basic"];
var DEFAULT_VISIBILITY = {
  audience: "everyone",
  everyoneDetail: "full",
  contactDetail: "full",
  groupDetail: /* @__PURE__ */ new Map()
};
function visibilitySettings(m, groupDetail) {
  const detail2 = (v) => DETAILS.includes(v) ? v : "full";
  return {
    audience: AUDIENCES.includes(m.presenceAudience) ? m.presenceAudience : DEFAULT_VISIBILITY.audience,
    everyoneDetail: detail2(m.presenceEveryoneDetail),
    contactDetail: detail2(m.presenceContactDetail),
    groupDetail
  };
}
var STRANGER = { self: false, contact: false, groups: [], blinded: false, blocked: false };
function detailFor(settings, r) {
  if (r.self) return "full";
  if (r.blocked || r.blinded) return "none";
  if (settings.audience === "nobody") return "none";
  if (r.contact) {
    const set = r.groups.map((g) => settings.groupDetail.get(g)).filter((d) => d !== void 0);
    if (set.includes("full")) return "full";
    if (set.includes("basic")) return "basic";
    return settings.contactDetail;
  }
  return settings.audience === "everyone" ? settings.everyoneDetail : "none";
}
function visibleStatus(status, detail2) {
  if (detail2 === "none") return "offline";
  if (detail2 === "basic") return status === "offline" ? "offline" : "online";
  return status;
}
function statusSeenBy(status, settings, r) {
  return visibleStatus(status, detailFor(settings, r));
}

// lib/presence/registry.ts
var MAX_WATCHED = 2e3;
var ConnectionRegistry = class {
  conns = /* @__PURE__ */ new Map();
  byMember = /* @__PURE__ */ new Map();
  watching = /* @__PURE__ */ new Map();
  // connection -> member -> what it may see, and was last sent
  watchers = /* @__PURE__ */ new Map();
  // member -> connections
  pendingUpserts = /* @__PURE__ */ new Map();
  pendingDeletes = /* @__PURE__ */ new Set();
  /** Rows already in the database, and rows being written now: a close must delete them. */
  stored = /* @__PURE__ */ new Set();
  inFlight = /* @__PURE__ */ new Set();
  /** A stored row whose only change is idle: an update, not a rewrite of the row. */
  pendingIdle = /* @__PURE__ */ new Map();
  changedMembers = /* @__PURE__ */ new Set();
  get size() {
    return this.conns.size;
  }
  add(c) {
    this.conns.set(c.id, c);
    if (c.memberId) {
      const set = this.byMember.get(c.memberId) ?? /* @__PURE__ */ new Set();
      set.add(c.id);
      this.byMember.set(c.memberId, set);
      this.changedMembers.add(c.memberId);
    }
    this.pendingDeletes.delete(c.id);
    this.pendingUpserts.set(c.id, c);
  }
  remove(id) {
    const c = this.conns.get(id);
    if (!c) return void 0;
    this.conns.delete(id);
    this.unwatchAll(id);
    if (c.memberId) {
      const set = this.byMember.get(c.memberId);
      set?.delete(id);
      if (set && set.size === 0) this.byMember.delete(c.memberId);
      this.changedMembers.add(c.memberId);
    }
    this.pendingUpserts.delete(id);
    this.pendingIdle.delete(id);
    if (this.stored.delete(id) || this.inFlight.has(id)) this.pendingDeletes.add(id);
    return c;
  }
  get(id) {
    return this.conns.get(id);
  }
  setIdle(id, idle) {
    const c = this.conns.get(id);
    if (!c || c.idle === idle) return;
    c.idle = idle;
    if (this.stored.has(id) && !this.pendingUpserts.has(id)) this.pendingIdle.set(id, idle);
    else this.pendingUpserts.set(id, c);
    if (c.memberId) this.changedMembers.add(c.memberId);
  }
  /** How many connections the member holds on this node, and how many of them are idle. */
  countsOf(memberId) {
    let live = 0;
    let idle = 0;
    for (const id of this.byMember.get(memberId) ?? []) {
      live++;
      if (this.conns.get(id)?.idle) idle++;
    }
    return [live, idle];
  }
  /** Every member with a connection here. */
  members() {
    return [...this.byMember.keys()];
  }
  isWatched(memberId) {
    return this.watchers.has(memberId);
  }
  connectionsOf(memberId) {
    return [...this.byMember.get(memberId) ?? []];
  }
  /**
   * Replaces what a connection watches, each member at the detail the watcher may see (visibility
   * rules, decided by the caller); returns the members kept (at most MAX_WATCHED).
   */
  watch(connId, memberIds2, detailOf = () => "full") {
    if (!this.conns.has(connId)) return [];
    this.unwatchAll(connId);
    const kept = [...new Set(memberIds2)].slice(0, MAX_WATCHED);
    this.watching.set(connId, new Map(kept.map((m) => [m, { detail: detailOf(m), last: null }])));
    for (const m of kept) {
      const set = this.watchers.get(m) ?? /* @__PURE__ */ new Set();
      set.add(connId);
      this.watchers.set(m, set);
    }
    return kept;
  }
  /**
   * What to send a watching connection when the member's status changes: the status at its detail,
   * or null when that shows nothing new (a basic watcher is not told "online" again when the member
   * goes away: even an empty event would say something changed).
   */
  statusFor(connId, memberId, status) {
    const w = this.watching.get(connId)?.get(memberId);
    if (!w) return null;
    const seen = visibleStatus(status, w.detail);
    if (seen === w.last) return null;
    w.last = seen;
    return seen;
  }
  /** The member's rules changed: what this connection may see of them from now on. */
  setDetail(connId, memberId, detail2) {
    const w = this.watching.get(connId)?.get(memberId);
    if (w) w.detail = detail2;
  }
  /** Records what a watch's answer told the connection, so later changes are measured from it. */
  answered(connId, memberId, status) {
    const w = this.watching.get(connId)?.get(memberId);
    if (w) w.last = status;
  }
  watchersOf(memberId) {
    return [...this.watchers.get(memberId) ?? []];
  }
  /** Members someone on this node watches (to limit what a node listens for). */
  watchedMembers() {
    return [...this.watchers.keys()];
  }
  /** What changed since the last call: rows to write, rows to delete, members to re-announce. */
  takeChanges() {
    const out = {
      upserts: [...this.pendingUpserts.values()],
      deletes: [...this.pendingDeletes],
      idle: [...this.pendingIdle].map(([id, idle]) => ({ id, idle })),
      members: [...this.changedMembers]
    };
    for (const c of out.upserts) this.inFlight.add(c.id);
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    this.pendingIdle.clear();
    this.changedMembers.clear();
    return out;
  }
  /** The changes are in the database: their rows are stored (unless closed meanwhile, which queued their delete). */
  written(ch) {
    for (const c of ch.upserts) {
      this.inFlight.delete(c.id);
      if (this.conns.has(c.id)) this.stored.add(c.id);
    }
  }
  /** Puts changes back after a failed write, so the next flush retries them. */
  restoreChanges(ch) {
    for (const c of ch.upserts) {
      this.inFlight.delete(c.id);
      if (this.conns.has(c.id) && !this.pendingUpserts.has(c.id)) this.pendingUpserts.set(c.id, c);
    }
    for (const { id } of ch.idle) {
      const c = this.conns.get(id);
      if (c && !this.pendingUpserts.has(id) && !this.pendingIdle.has(id)) this.pendingIdle.set(id, c.idle);
    }
    for (const d of ch.deletes) if (!this.conns.has(d)) this.pendingDeletes.add(d);
    for (const m of ch.members) this.changedMembers.add(m);
  }
  unwatchAll(connId) {
    for (const m of this.watching.get(connId)?.keys() ?? []) {
      const set = this.watchers.get(m);
      set?.delete(connId);
      if (set && set.size === 0) this.watchers.delete(m);
    }
    this.watching.delete(connId);
  }
};

// lib/contacts/availability.ts
var AVAILABILITY_TTL_MS = 24 * 36e5;
var firesOn = (seen) => seen === "online";
function deliveryFor(asker) {
  if (asker.connected) return "live";
  return asker.verifiedEmail ? "email" : "live-later";
}

// lib/db/in-parts.ts
var IN_PART = 400;
function parts(xs, size = IN_PART) {
  const out = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
async function mapInParts(ids, fn) {
  if (ids.length <= IN_PART) return fn(ids);
  const out = /* @__PURE__ */ new Map();
  for (const part of parts(ids)) for (const [k, v] of await fn(part)) out.set(k, v);
  return out;
}
async function recordInParts(ids, fn) {
  if (ids.length <= IN_PART) return fn(ids);
  const out = {};
  for (const part of parts(ids)) Object.assign(out, await fn(part));
  return out;
}

// lib/presence/status.ts
var SETTINGS = ["online", "away", "dnd", "invisible"];
var AUTO_AWAY_MS = 10 * 6e4;
var HEARTBEAT_MS = 15e3;
var EXPIRY_MS = 45e3;
function isSetting(v) {
  return typeof v === "string" && SETTINGS.includes(v);
}
function publicStatus(input) {
  if (input.liveConnections === 0) return "offline";
  const setting = isSetting(input.setting) ? input.setting : "online";
  if (setting === "invisible") return "offline";
  if (input.inCall) return "busy";
  if (setting === "dnd") return "dnd";
  if (setting === "away" || input.allIdle) return "away";
  return "online";
}

// lib/presence/read-model.ts
async function getStatuses(db, memberIds2, now = /* @__PURE__ */ new Date()) {
  const ids = [...new Set(memberIds2)];
  if (ids.length === 0) return {};
  return recordInParts(
    ids,
    async (part) => statusesOf(db, await db.member.findMany({ where: { id: { in: part } }, select: { id: true, presenceSetting: true } }), now)
  );
}
async function statusesOf(db, members, now = /* @__PURE__ */ new Date()) {
  if (members.length === 0) return {};
  const since = new Date(now.getTime() - EXPIRY_MS);
  const ids = members.map((m) => m.id);
  const [conns, calls] = await Promise.all([
    db.presenceConnection.findMany({ where: { memberId: { in: ids }, lastSeenAt: { gt: since } }, select: { memberId: true, idle: true } }),
    // In a call means busy to everyone else.
    db.call.findMany({
      where: { status: "connected", OR: [{ callerId: { in: ids } }, { calleeId: { in: ids } }] },
      select: { callerId: true, calleeId: true }
    })
  ]);
  const inCall = new Set(calls.flatMap((c) => [c.callerId, c.calleeId]));
  const live = /* @__PURE__ */ new Map();
  for (const c of conns) {
    const s = live.get(c.memberId) ?? { n: 0, idle: 0 };
    s.n++;
    if (c.idle) s.idle++;
    live.set(c.memberId, s);
  }
  const out = {};
  for (const m of members) {
    const s = live.get(m.id);
    out[m.id] = publicStatus({
      setting: m.presenceSetting,
      liveConnections: s?.n ?? 0,
      allIdle: !!s && s.idle === s.n,
      inCall: inCall.has(m.id)
    });
  }
  return out;
}
async function getStatus(db, memberId, now = /* @__PURE__ */ new Date()) {
  return (await getStatuses(db, [memberId], now))[memberId] ?? "offline";
}

// lib/presence/visibility-store.ts
var detail = (v, fallback) => DETAILS.includes(v) ? v : fallback;
async function loadVisibility(db, ownerIds) {
  const ids = [...new Set(ownerIds)];
  if (ids.length === 0) return /* @__PURE__ */ new Map();
  const [members, groups] = await Promise.all([
    db.member.findMany({
      where: { id: { in: ids } },
      select: { id: true, presenceAudience: true, presenceEveryoneDetail: true, presenceContactDetail: true }
    }),
    db.contactGroup.findMany({
      where: { ownerId: { in: ids }, detail: { in: [...DETAILS] } },
      select: { id: true, ownerId: true, detail: true }
    })
  ]);
  const out = /* @__PURE__ */ new Map();
  for (const m of members) {
    out.set(m.id, visibilitySettings(m, new Map(groups.filter((g) => g.ownerId === m.id).map((g) => [g.id, detail(g.detail, "full")]))));
  }
  return out;
}
async function relationsTo(db, ownerIds, watcherId) {
  const ids = [...new Set(ownerIds)];
  const out = new Map(ids.map((id) => [id, { ...STRANGER, self: id === watcherId }]));
  if (!watcherId || ids.length === 0) return out;
  const [subs, entries, blinds, blocks] = await Promise.all([
    db.contact.findMany({ where: { ownerId: watcherId, contactId: { in: ids }, sees: "approved" }, select: { contactId: true } }),
    db.contactGroupEntry.findMany({ where: { ownerId: { in: ids }, contactId: watcherId }, select: { ownerId: true, groupId: true } }),
    db.presenceBlind.findMany({ where: { ownerId: { in: ids }, hiddenFromId: watcherId }, select: { ownerId: true } }),
    db.block.findMany({ where: { blockerId: { in: ids }, blockedId: watcherId }, select: { blockerId: true } })
  ]);
  for (const s of subs) out.get(s.contactId).contact = true;
  for (const e of entries) out.set(e.ownerId, { ...out.get(e.ownerId), groups: [...out.get(e.ownerId).groups, e.groupId] });
  for (const b of blinds) out.get(b.ownerId).blinded = true;
  for (const b of blocks) out.get(b.blockerId).blocked = true;
  return out;
}
async function relationsFrom(db, ownerId, watcherIds) {
  const ids = [...new Set(watcherIds.filter((w) => w !== null))];
  const out = new Map(watcherIds.map((w) => [w, { ...STRANGER, self: w === ownerId }]));
  if (ids.length === 0) return out;
  const [subs, entries, blinds, blocks] = await Promise.all([
    db.contact.findMany({ where: { ownerId: { in: ids }, contactId: ownerId, sees: "approved" }, select: { ownerId: true } }),
    db.contactGroupEntry.findMany({ where: { ownerId, contactId: { in: ids } }, select: { contactId: true, groupId: true } }),
    db.presenceBlind.findMany({ where: { ownerId, hiddenFromId: { in: ids } }, select: { hiddenFromId: true } }),
    db.block.findMany({ where: { blockerId: ownerId, blockedId: { in: ids } }, select: { blockedId: true } })
  ]);
  for (const s of subs) out.get(s.ownerId).contact = true;
  for (const e of entries) out.set(e.contactId, { ...out.get(e.contactId), groups: [...out.get(e.contactId).groups, e.groupId] });
  for (const b of blinds) out.get(b.hiddenFromId).blinded = true;
  for (const b of blocks) out.get(b.blockedId).blocked = true;
  return out;
}
async function statusesSeenBy(db, statuses, watcherId) {
  return recordInParts(Object.keys(statuses), async (ids) => {
    const [settings, relations] = await Promise.all([loadVisibility(db, ids), relationsTo(db, ids, watcherId)]);
    const out = {};
    for (const id of ids) {
      out[id] = statusSeenBy(statuses[id], settings.get(id) ?? DEFAULT_VISIBILITY, relations.get(id) ?? STRANGER);
    }
    return out;
  });
}

// lib/calls/routing/schedule.ts
var WEEKDAYS = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
var FORMATTERS = /* @__PURE__ */ new Map();
var FORMATTERS_MAX = 1e3;
function formatter(timeZone) {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    if (FORMATTERS.size >= FORMATTERS_MAX) FORMATTERS.clear();
    FORMATTERS.set(timeZone, f);
  }
  return f;
}
var digit = (s, i) => s.charCodeAt(i) - 48;
function localTime(timeZone, now) {
  const f = formatter(timeZone);
  const s = f.format(now);
  const colon = s.indexOf(":");
  const weekday = WEEKDAYS[s.slice(0, 3)];
  if (weekday !== void 0 && colon >= 2) {
    const h = digit(s, colon - 2) * 10 + digit(s, colon - 1);
    const m = digit(s, colon + 1) * 10 + digit(s, colon + 2);
    if (h >= 0 && h <= 24 && m >= 0 && m < 60) return { weekday, minutes: h % 24 * 60 + m };
  }
  return fromParts(f.formatToParts(now));
}
function fromParts(parts2) {
  let weekday = -1;
  let h = NaN;
  let m = NaN;
  for (const p of parts2) {
    if (p.type === "weekday") weekday = WEEKDAYS[p.value.slice(0, 3)] ?? -1;
    else if (p.type === "hour") h = Number(p.value) % 24;
    else if (p.type === "minute") m = Number(p.value);
  }
  if (weekday < 0 || !(h >= 0) || !(m >= 0)) throw new Error(`Cannot read the local time from ${JSON.stringify(parts2)}`);
  return { weekday, minutes: h * 60 + m };
}
function minutesOf(hhmm2) {
  return (digit(hhmm2, 0) * 10 + digit(hhmm2, 1)) * 60 + digit(hhmm2, 3) * 10 + digit(hhmm2, 4);
}
function holdsAt(schedule, local) {
  const from = minutesOf(schedule.from);
  const to = minutesOf(schedule.to);
  const { weekday, minutes } = local;
  if (from < to) return minutes >= from && minutes < to && schedule.days.includes(weekday);
  if (minutes >= from) return schedule.days.includes(weekday);
  return minutes < to && schedule.days.includes(weekday === 0 ? 6 : weekday - 1);
}

// lib/calls/routing/decide.ts
function callerMatches(match, caller) {
  switch (match.type) {
    case "favourites":
      return caller.favourite;
    case "contacts":
      return caller.contact;
    case "strangers":
      return caller.kind === "member" && !caller.contact;
    case "guests":
      return caller.kind === "guest";
    case "repeat":
      return caller.repeat;
    case "group":
      return caller.groupIds.includes(match.groupId);
  }
}
function dndLetsThrough(dnd, caller) {
  if (dnd.favourites && caller.favourite) return "Do-not-disturb lets favourites through";
  if (dnd.repeatCallers && caller.repeat) return "Do-not-disturb lets repeat callers through";
  return null;
}
function decide({ doc, caller, status, now, defaultRingSeconds }) {
  const through = status === "dnd" ? dndLetsThrough(doc.dnd, caller) : null;
  const seen = through ? "online" : status;
  let local = null;
  const rules = doc.rules;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!rule.enabled) continue;
    const { statuses, callers, schedule } = rule.when;
    if (statuses.length > 0 && !statuses.includes(seen)) continue;
    if (callers.length > 0 && !anyCaller(callers, caller)) continue;
    if (schedule) {
      local ??= localTime(doc.timeZone, now);
      if (!holdsAt(schedule, local)) continue;
    }
    return decision(rule.id, seen, rule.then, `Rule \u201C${rule.name.trim() || `Rule ${i + 1}`}\u201D`, through);
  }
  if (seen === "dnd") return decision(null, seen, { type: "mailbox", greeting: "current" }, "Do-not-disturb: to the mailbox", null);
  const ring = { type: "ring", devices: "all", seconds: defaultRingSeconds, otherwise: { type: "mailbox" } };
  return decision(null, seen, ring, "Default: ring every device", through);
}
function anyCaller(callers, caller) {
  for (let i = 0; i < callers.length; i++) if (callerMatches(callers[i], caller)) return true;
  return false;
}
function decision(ruleId, status, action, reason, through) {
  return { ruleId, status, action, reason: through ? `${through}. ${reason}` : reason };
}

// lib/calls/routing/rules.ts
import { z as z2 } from "zod";
var ROUTING_STATUSES = ["online", "away", "busy", "dnd", "offline"];
var MAX_RULES = 50;
var GREETING_CHOICES = ["current", "standard", "temporary"];
var RING_SECONDS_MIN = 5;
var RING_SECONDS_MAX = 120;
var DECLINE_TEXT_MAX = 140;
var AWAY_REPLY_MAX = 300;
var REPEAT_WINDOW_MS = 15 * 6e4;
var numberDigits = z2.string().trim().transform((s) => s.replace(/[\s-]/g, "")).pipe(z2.string().regex(/^[2-9]\d{11}$/, { error: "Enter a 12-digit number (first digit 2-9)" }));
var hhmm = z2.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Times are HH:MM, 00:00 to 23:59" });
var callerMatchSchema = z2.discriminatedUnion("type", [
  z2.object({ type: z2.literal("favourites") }),
  z2.object({ type: z2.literal("contacts") }),
  z2.object({ type: z2.literal("strangers") }),
  z2.object({ type: z2.literal("guests") }),
  z2.object({ type: z2.literal("repeat") }),
  z2.object({ type: z2.literal("group"), groupId: z2.string().min(1).max(64) })
]);
var scheduleSchema = z2.object({
  days: z2.array(z2.number().int().min(0).max(6)).min(1, { error: "Choose at least one day" }).max(7),
  from: hhmm,
  to: hhmm
}).refine((s) => s.from !== s.to, { error: "The start and end times are the same" });
var conditionsSchema = z2.object({
  /** Any of these statuses; empty means any status. */
  statuses: z2.array(z2.enum(ROUTING_STATUSES)).max(5).default([]),
  /** Any of these callers; empty means anyone. */
  callers: z2.array(callerMatchSchema).max(20).default([]),
  /** Only during this schedule; absent means always. */
  schedule: scheduleSchema.optional()
});
var otherwiseSchema = z2.discriminatedUnion("type", [
  z2.object({ type: z2.literal("mailbox") }),
  z2.object({ type: z2.literal("forward"), to: numberDigits })
]);
var actionSchema = z2.discriminatedUnion("type", [
  /** Ring every device at once, or one device after another (most recently active first), `seconds` each. */
  z2.object({
    type: z2.literal("ring"),
    devices: z2.enum(["all", "sequence"]).default("all"),
    seconds: z2.number().int().min(RING_SECONDS_MIN).max(RING_SECONDS_MAX).default(30),
    otherwise: otherwiseSchema.default({ type: "mailbox" })
  }),
  /** Straight to another member's number: their rules then apply. */
  z2.object({ type: z2.literal("forward"), to: numberDigits }),
  /**
   * Straight to the mailbox, without ringing, with a chosen greeting: whichever is current (the
   * temporary one while it lasts), the standard one, or the temporary one even past its end date.
   */
  z2.object({ type: z2.literal("mailbox"), greeting: z2.enum(GREETING_CHOICES).default("current") }),
  /** Turned away with a short text the caller sees. */
  z2.object({ type: z2.literal("decline"), text: z2.string().trim().min(1, { error: "Write what the caller sees" }).max(DECLINE_TEXT_MAX) })
]);
var ruleSchema = z2.object({
  id: z2.string().min(1).max(40),
  name: z2.string().trim().max(60).default(""),
  enabled: z2.boolean().default(true),
  when: conditionsSchema,
  then: actionSchema
});
var ruleDocSchema = z2.object({
  /** IANA time zone the schedules are in. */
  timeZone: z2.string().min(1).max(64).refine(isTimeZone, { error: "Unknown time zone" }).transform((tz) => new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone),
  rules: z2.array(ruleSchema).max(MAX_RULES, { error: `At most ${MAX_RULES} rules` }).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { error: "Two rules have the same id" }),
  /** Who rings through do-not-disturb (they are routed as if the member were online). */
  dnd: z2.object({ favourites: z2.boolean().default(false), repeatCallers: z2.boolean().default(false) }).default({ favourites: false, repeatCallers: false }),
  /** Sent once per conversation and hour to someone who writes while the member is away ("" for none). */
  awayReply: z2.string().trim().max(AWAY_REPLY_MAX).default("")
});
var DEFAULT_RULE_DOC = {
  timeZone: "UTC",
  rules: [],
  dnd: { favourites: false, repeatCallers: false },
  awayReply: ""
};
function isTimeZone(tz) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// lib/calls/routing/load-facts.ts
async function loadRuleDoc(db, memberId) {
  const row = await db.routingRules.findUnique({ where: { memberId } });
  if (!row) return { doc: DEFAULT_RULE_DOC, version: 0 };
  const parsed = ruleDocSchema.safeParse(JSON.parse(row.doc));
  return { doc: parsed.success ? parsed.data : DEFAULT_RULE_DOC, version: row.version };
}
async function callerFacts(db, memberId, callerId, now, callId) {
  const [contact, recent] = await Promise.all([
    db.contact.findUnique({
      where: { ownerId_contactId: { ownerId: memberId, contactId: callerId } },
      select: { inBook: true, favourite: true, groups: { select: { groupId: true } } }
    }),
    db.call.count({
      where: {
        callerId,
        OR: [{ calleeId: memberId }, { meantForId: memberId }],
        createdAt: { gt: new Date(now.getTime() - REPEAT_WINDOW_MS), lte: now },
        ...callId ? { NOT: { id: callId } } : {}
      }
    })
  ]);
  const inBook = !!contact?.inBook;
  return {
    kind: "member",
    contact: inBook,
    favourite: inBook && contact.favourite,
    groupIds: inBook ? contact.groups.map((g) => g.groupId) : [],
    repeat: recent > 0
  };
}

// lib/livekit/index.ts
import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver } from "livekit-server-sdk";
var TOKEN_TTL_SECONDS = 5 * 60;

// lib/calls/service.ts
async function memberCard(db, id) {
  const m = await db.member.findUnique({
    where: { id },
    select: { id: true, handle: true, displayName: true, photoKey: true, number: { select: SHOWN_NUMBER } }
  });
  if (!m) throw new DomainError("NOT_FOUND", "That member no longer exists.");
  return {
    id: m.id,
    handle: m.handle,
    displayName: m.displayName,
    formattedNumber: shownNumber(m.number),
    photoUrl: m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null
  };
}

// lib/calls/callbacks.ts
async function offerCallbacks(deps, changes) {
  const free = changes.filter((c) => c.status === "online").map((c) => c.memberId);
  if (free.length === 0) return 0;
  const { db } = deps;
  const now = deps.now?.() ?? /* @__PURE__ */ new Date();
  const asks = await db.availabilityWatch.findMany({
    where: { kind: "callback", watchedId: { in: free }, openKey: { not: null }, expiresAt: { gt: now } },
    select: { id: true, askerId: true, watchedId: true }
  });
  let offered = 0;
  for (const a of asks) {
    if (!await rulesLetRing(db, a.watchedId, a.askerId, now)) continue;
    const both = (await statusesSeenBy(db, { [a.watchedId]: "online" }, a.askerId))[a.watchedId] === "online";
    const claimed = await db.availabilityWatch.updateMany({
      where: { id: a.id, openKey: { not: null } },
      data: { openKey: null, firedAt: now, firedBy: both ? "live" : "member" }
    });
    if (claimed.count === 0) continue;
    const [asker, watched] = await Promise.all([memberCard(db, a.askerId), memberCard(db, a.watchedId)]);
    await deps.bus.toMember(a.watchedId, "callback-ready", { id: a.id, side: "asked-of", other: asker }).catch(() => void 0);
    if (both) await deps.bus.toMember(a.askerId, "callback-ready", { id: a.id, side: "asked", other: watched }).catch(() => void 0);
    offered++;
  }
  return offered;
}
async function rulesLetRing(db, memberId, callerId, now) {
  const blocked = await db.block.findUnique({ where: { blockerId_blockedId: { blockerId: memberId, blockedId: callerId } } });
  if (blocked) return false;
  const [{ doc }, caller] = await Promise.all([loadRuleDoc(db, memberId), callerFacts(db, memberId, callerId, now)]);
  const d = decide({ doc, caller, status: "online", now, defaultRingSeconds: env().CALL_RING_SECONDS });
  return d.action.type === "ring" || d.action.type === "forward";
}

// lib/contacts/availability-store.ts
var who = { select: { id: true, handle: true, displayName: true } };
async function fireAvailability(deps, changes) {
  const status = new Map(changes.filter((c) => c.status !== "offline").map((c) => [c.memberId, c.status]));
  const ids = [...status.keys()];
  if (ids.length === 0) return 0;
  const { db } = deps;
  const now = deps.now?.() ?? /* @__PURE__ */ new Date();
  const asks = await db.availabilityWatch.findMany({
    where: { kind: "notify", watchedId: { in: ids }, firedAt: null, canceledAt: null, expiresAt: { gt: now }, openKey: { not: null } },
    include: { watched: who, asker: { select: { id: true, email: true, emailVerifiedAt: true, displayName: true } } }
  });
  let fired = 0;
  for (const watchedId of new Set(asks.map((a) => a.watchedId))) {
    const mine = asks.filter((a) => a.watchedId === watchedId);
    const [settings, relations] = await Promise.all([
      loadVisibility(db, [watchedId]),
      relationsFrom(
        db,
        watchedId,
        mine.map((a) => a.askerId)
      )
    ]);
    const s = settings.get(watchedId);
    for (const a of mine) {
      const raw = status.get(watchedId) ?? "offline";
      if (!s || !firesOn(visibleStatus(raw, detailFor(s, relations.get(a.askerId) ?? STRANGER)))) continue;
      if (await deliver(deps, a, now)) fired++;
    }
  }
  return fired;
}
async function deliver(deps, a, now) {
  const { db } = deps;
  const connected = await db.presenceConnection.count({ where: { memberId: a.askerId, lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } } }) > 0;
  const how = deliveryFor({ connected, verifiedEmail: !!a.asker.emailVerifiedAt && !!deps.mailer });
  const claimed = await db.availabilityWatch.updateMany({
    where: { id: a.id, openKey: { not: null } },
    data: { openKey: null, firedAt: now, firedBy: how === "email" ? "email" : "live" }
  });
  if (claimed.count === 0) return false;
  await deps.bus.toMember(a.askerId, "available", { askId: a.id, memberId: a.watched.id, handle: a.watched.handle, displayName: a.watched.displayName }).catch(() => void 0);
  if (how === "email" && deps.mailer) {
    await deps.mailer.send({
      to: a.asker.email,
      subject: `${a.watched.displayName} is available now`,
      text: `Hello ${a.asker.displayName},

You asked to be told when ${a.watched.displayName} became available: they are online now.

Call them: ${deps.publicUrl ?? ""}/${a.watched.handle}
`
    }).catch(() => void 0);
  }
  return true;
}

// server/presence/asked-about.ts
var REFRESH_MS = 5e3;
var AskedAbout = class {
  constructor(deps, log) {
    this.deps = deps;
    this.log = log;
  }
  deps;
  log;
  ids = /* @__PURE__ */ new Set();
  /** Added while a refresh reads: kept, since the read may have started before their ask was stored. */
  addedDuringRead = null;
  timer = null;
  async start() {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
  }
  async refresh() {
    const added = /* @__PURE__ */ new Set();
    this.addedDuringRead = added;
    try {
      const rows = await this.deps.db.availabilityWatch.findMany({
        where: { openKey: { not: null }, expiresAt: { gt: /* @__PURE__ */ new Date() } },
        select: { watchedId: true },
        distinct: ["watchedId"]
      });
      this.ids = /* @__PURE__ */ new Set([...rows.map((r) => r.watchedId), ...added]);
    } catch (err) {
      this.log(`reading who is waited for failed: ${err.message}`);
    } finally {
      if (this.addedDuringRead === added) this.addedDuringRead = null;
    }
  }
  /** Someone just asked about this member (an `asks` event): watch for them before the next refresh. */
  add(memberId) {
    this.ids.add(memberId);
    this.addedDuringRead?.add(memberId);
  }
  /**
   * A member's status changed on this node: if someone waits for them and they are no longer offline,
   * tell whoever may now see them online (once, whichever node is first; a basic-detail asker sees
   * "online" for away or busy too).
   */
  changed(memberId, after) {
    if (after === "offline" || !this.ids.has(memberId)) return;
    const change = [{ memberId, status: after }];
    void Promise.all([fireAvailability(this.deps, change), offerCallbacks(this.deps, change)]).then(() => this.refresh()).catch((err) => this.log(`telling who waited for a member failed: ${err.message}`));
  }
};

// lib/presence/status-table.ts
var StatusTable = class {
  counts = /* @__PURE__ */ new Map();
  // member -> node -> counts
  byNode = /* @__PURE__ */ new Map();
  // node -> members it holds connections of
  settings = /* @__PURE__ */ new Map();
  inCall = /* @__PURE__ */ new Map();
  gen = /* @__PURE__ */ new Map();
  // The last status computed for a member who is not offline (absent: offline).
  last = /* @__PURE__ */ new Map();
  /** The member's status now, or null when facts are needed to know it. */
  status(memberId) {
    let live = 0;
    let idle = 0;
    for (const [l, i] of this.counts.get(memberId)?.values() ?? []) {
      live += l;
      idle += i;
    }
    if (live === 0) return "offline";
    const setting = this.settings.get(memberId);
    const inCall = this.inCall.get(memberId);
    if (setting === void 0 || inCall === void 0) return null;
    return publicStatus({ setting, liveConnections: live, allIdle: idle === live, inCall });
  }
  /** The status last reported for the member (what watchers were last told). */
  lastStatus(memberId) {
    return this.last.get(memberId) ?? "offline";
  }
  /** The member's own choice, when cached. */
  setting(memberId) {
    return this.settings.get(memberId);
  }
  hasFacts(memberId) {
    return this.settings.has(memberId) && this.inCall.has(memberId);
  }
  /**
   * Moves on whenever the member's facts are announced or forgotten: a database read taken at an
   * older generation is older than what the table knows, and is dropped.
   */
  generation(memberId) {
    return this.gen.get(memberId) ?? 0;
  }
  bump(memberId) {
    this.gen.set(memberId, this.generation(memberId) + 1);
  }
  /** Members whose facts are cached, for reading them all again now and then. */
  cachedMembers() {
    return [...this.settings.keys()];
  }
  /** A node now holds these counts of the member's connections ([0, 0]: none). */
  setCounts(node, memberId, counts) {
    if (counts[0] > 0) this.attach(node, memberId, counts);
    else {
      this.detach(node, memberId);
      this.byNode.get(node)?.delete(memberId);
    }
    return this.recompute(memberId);
  }
  /** Replaces everything known of a node's connections (a node starting again, or read afresh). */
  replaceNode(node, members) {
    const touched = /* @__PURE__ */ new Set([...this.byNode.get(node) ?? [], ...members.keys()]);
    for (const m of this.byNode.get(node) ?? []) this.detach(node, m);
    this.byNode.delete(node);
    for (const [m, c] of members) if (c[0] > 0) this.attach(node, m, c);
    return [...touched].map((m) => this.recompute(m));
  }
  /** A node is gone (stopped, or silent past the expiry): its members' connections there count for nothing. */
  dropNode(node) {
    return this.replaceNode(node, /* @__PURE__ */ new Map());
  }
  /** Members a node holds connections of. */
  membersOn(node) {
    return [...this.byNode.get(node) ?? []];
  }
  /** The member chose a setting (the event carries it: no need to read it back). */
  setSetting(memberId, setting) {
    this.bump(memberId);
    this.settings.set(memberId, setting);
    return this.recompute(memberId);
  }
  /** A call of the member's connected or ended. */
  setInCall(memberId, inCall) {
    this.bump(memberId);
    this.inCall.set(memberId, inCall);
    return this.recompute(memberId);
  }
  /**
   * Facts read from the database fill only what is not cached: a setting announced while the read
   * was under way is newer than what the read found.
   */
  fillFacts(memberId, facts, readAt) {
    if (readAt !== void 0 && readAt !== this.generation(memberId)) return null;
    if (!this.settings.has(memberId)) this.settings.set(memberId, isSetting(facts.setting) ? facts.setting : "online");
    if (!this.inCall.has(memberId)) this.inCall.set(memberId, facts.inCall);
    return this.recompute(memberId);
  }
  /** Forgets cached facts (the member's facts may have changed in ways not announced: read them again). */
  forgetFacts(memberId) {
    this.bump(memberId);
    this.settings.delete(memberId);
    this.inCall.delete(memberId);
  }
  /**
   * Facts read again from the database replace the cached ones (a notice lost on the bus is mended),
   * unless something was announced since the read began (`readAt`, a generation).
   */
  refreshFacts(memberId, facts, readAt) {
    if (readAt !== this.generation(memberId) || !this.settings.has(memberId)) return null;
    this.settings.set(memberId, isSetting(facts.setting) ? facts.setting : "online");
    this.inCall.set(memberId, facts.inCall);
    return this.recompute(memberId);
  }
  /**
   * Drops the facts of offline members nobody here needs (`keep` says who is needed), so the cache
   * holds members in use, not every member ever seen.
   */
  pruneFacts(keep) {
    let n = 0;
    for (const m of /* @__PURE__ */ new Set([...this.settings.keys(), ...this.inCall.keys()])) {
      if (this.counts.has(m) || keep(m)) continue;
      this.forgetFacts(m);
      this.gen.delete(m);
      n++;
    }
    return n;
  }
  recompute(memberId) {
    const after = this.status(memberId);
    if (after === null) return { memberId, needsFacts: true };
    const before = this.lastStatus(memberId);
    if (after === before) return null;
    if (after === "offline") this.last.delete(memberId);
    else this.last.set(memberId, after);
    return { memberId, before, after };
  }
  attach(node, memberId, counts) {
    let perNode = this.counts.get(memberId);
    if (!perNode) this.counts.set(memberId, perNode = /* @__PURE__ */ new Map());
    perNode.set(node, [counts[0], Math.min(Math.max(counts[1], 0), counts[0])]);
    let members = this.byNode.get(node);
    if (!members) this.byNode.set(node, members = /* @__PURE__ */ new Set());
    members.add(memberId);
  }
  detach(node, memberId) {
    const perNode = this.counts.get(memberId);
    perNode?.delete(node);
    if (perNode?.size === 0) this.counts.delete(memberId);
  }
};
var isChange = (r) => r !== null && "after" in r;

// lib/presence/store.ts
async function clearNode(db, nodeId) {
  return (await db.presenceConnection.deleteMany({ where: { nodeId } })).count;
}
var CHUNK = 500;
var chunks = (list) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
async function writeChanges(db, nodeId, ch, now = /* @__PURE__ */ new Date()) {
  const drop = [...ch.deletes, ...ch.upserts.map((c) => c.id)];
  const idle = (v) => (ch.idle ?? []).filter((c) => c.idle === v).map((c) => c.id);
  const flips = [true, false].flatMap(
    (v) => chunks(idle(v)).map((ids) => db.presenceConnection.updateMany({ where: { id: { in: ids } }, data: { idle: v } }))
  );
  if (drop.length === 0 && flips.length === 0) return;
  await db.$transaction([
    ...flips,
    // Closed connections: their members were seen just now (a reloading page is called back, see
    // RECONNECT_GRACE_MS). Marked before the rows go, in the same transaction.
    ...chunks(ch.deletes).map(
      (ids) => db.member.updateMany({ where: { connections: { some: { id: { in: ids } } } }, data: { presenceSeenAt: now } })
    ),
    ...chunks(drop).map((ids) => db.presenceConnection.deleteMany({ where: { id: { in: ids } } })),
    ...chunks(ch.upserts).map(
      (part) => db.presenceConnection.createMany({
        data: part.map((c) => ({
          id: c.id,
          memberId: c.memberId,
          guestId: c.guestId,
          nodeId,
          deviceId: c.deviceId,
          address: c.address,
          userAgent: c.userAgent.slice(0, 300),
          idle: c.idle,
          connectedAt: c.connectedAt,
          lastSeenAt: now
        }))
      })
    )
  ]);
}
async function beat(db, nodeId, now = /* @__PURE__ */ new Date()) {
  return (await db.presenceConnection.updateMany({ where: { nodeId }, data: { lastSeenAt: now } })).count;
}
async function sweepExpired(db, olderThanMs, now = /* @__PURE__ */ new Date()) {
  return (await db.presenceConnection.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - olderThanMs) } } })).count;
}

// lib/presence/ticket-claims.ts
import { Redis } from "ioredis";

// lib/bus/quiet-redis.ts
function quiet(r) {
  let down = false;
  r.on("error", (err) => {
    if (down) return;
    down = true;
    console.warn(`redis: ${err.message}; reconnecting`);
  });
  r.on("ready", () => {
    if (down) console.warn("redis: connected again");
    down = false;
  });
  return r;
}

// lib/presence/ticket-claims.ts
var MemoryTicketClaims = class {
  used = /* @__PURE__ */ new Map();
  prunedAt = 0;
  async claim(jti, expiresAt, now = Date.now()) {
    if (now - this.prunedAt >= 5e3) {
      this.prunedAt = now;
      for (const [id, exp2] of this.used) if (exp2 <= now) this.used.delete(id);
    }
    const exp = this.used.get(jti);
    if (exp !== void 0 && exp > now) return false;
    this.used.set(jti, expiresAt);
    return true;
  }
  get size() {
    return this.used.size;
  }
  async close() {
  }
};

// lib/presence/tickets.ts
import { jwtVerify, SignJWT, errors } from "jose";
var guestKey = (guestId) => `guest:${guestId}`;
var AUDIENCE = "presence";
var ISSUER = "portal";
function key(secret) {
  return new TextEncoder().encode(secret);
}
async function verifyTicket(secret, ticket) {
  if (typeof ticket !== "string" || ticket.length === 0) return { ok: false, reason: "missing ticket: ask /api/presence/ticket for one" };
  try {
    const { payload } = await jwtVerify(ticket, key(secret), { audience: AUDIENCE, issuer: ISSUER, algorithms: ["HS256"] });
    const [kind, id] = (payload.sub ?? "").split(":");
    const jti = payload.jti;
    if (typeof jti !== "string" || jti.length < 16 || typeof payload.exp !== "number") return { ok: false, reason: "forged ticket" };
    const once = { jti, expiresAt: payload.exp * 1e3 };
    if (kind === "member" && id) return { ok: true, subject: { kind, memberId: id }, ...once };
    if (kind === "guest" && id) return { ok: true, subject: { kind, guestId: id }, ...once };
    return { ok: false, reason: "forged ticket" };
  } catch (err) {
    if (err instanceof errors.JWTExpired) return { ok: false, reason: "expired ticket: ask for a new one" };
    return { ok: false, reason: "forged ticket" };
  }
}

// server/presence/cluster.ts
import { randomBytes } from "node:crypto";

// lib/presence/peer-state.ts
var asMap = (m) => new Map(Object.entries(m));
var PeerTracker = class {
  constructor(self, table, expiryMs = EXPIRY_MS) {
    this.self = self;
    this.table = table;
    this.expiryMs = expiryMs;
  }
  self;
  table;
  expiryMs;
  peers = /* @__PURE__ */ new Map();
  /** A message from the bus. Out of order or after a gap, the sender's state is read again (`resync`). */
  receive(msg, now) {
    const out = { results: [], resync: [] };
    if (msg.node === this.self) return out;
    if (msg.gone) {
      this.peers.delete(msg.node);
      out.results.push(...this.table.dropNode(msg.node));
      return out;
    }
    let peer = this.peers.get(msg.node);
    if (!peer || peer.epoch !== msg.epoch) {
      if (peer) out.results.push(...this.table.dropNode(msg.node));
      peer = { epoch: msg.epoch, seq: -1, heardAt: now, syncing: false, buffer: [] };
      this.peers.set(msg.node, peer);
      if (msg.reset) return this.applyReset(peer, msg, out);
      peer.syncing = true;
      peer.buffer.push(msg);
      out.resync.push(msg.node);
      return out;
    }
    peer.heardAt = now;
    if (peer.syncing) {
      peer.buffer.push(msg);
      return out;
    }
    return this.apply(peer, msg, out);
  }
  /** The sender's state as read from the bus (null: it is gone), then what arrived meanwhile. */
  synced(node, snap, now) {
    const out = { results: [], resync: [] };
    if (node === this.self) return out;
    const peer = this.peers.get(node);
    if (!snap) {
      if (peer && !peer.buffer.some((m) => m.reset)) {
        this.peers.delete(node);
        out.results.push(...this.table.dropNode(node));
      }
      return out;
    }
    const buffered = (peer?.buffer ?? []).filter((m) => m.epoch === snap.epoch && m.seq > snap.seq).sort((a, b) => a.seq - b.seq);
    const fresh = { epoch: snap.epoch, seq: snap.seq, heardAt: peer?.heardAt ?? now, syncing: false, buffer: [] };
    this.peers.set(node, fresh);
    out.results.push(...this.table.replaceNode(node, asMap(snap.members)));
    for (const m of buffered) {
      if (fresh.syncing) fresh.buffer.push(m);
      else this.apply(fresh, m, out);
    }
    return out;
  }
  /** Nodes silent past the expiry (a crash): their members' connections there count for nothing. */
  expire(now) {
    const results = [];
    for (const [node, peer] of this.peers) {
      if (now - peer.heardAt <= this.expiryMs) continue;
      this.peers.delete(node);
      results.push(...this.table.dropNode(node));
    }
    return results;
  }
  knows(node) {
    return this.peers.has(node);
  }
  apply(peer, msg, out) {
    if (msg.reset) return this.applyReset(peer, msg, out);
    if (msg.seq <= peer.seq) return out;
    if (msg.seq !== peer.seq + 1) {
      peer.syncing = true;
      peer.buffer.push(msg);
      out.resync.push(msg.node);
      return out;
    }
    peer.seq = msg.seq;
    for (const [m, c] of Object.entries(msg.members)) out.results.push(this.table.setCounts(msg.node, m, c));
    return out;
  }
  applyReset(peer, msg, out) {
    peer.seq = msg.seq;
    peer.syncing = false;
    peer.buffer = [];
    out.results.push(...this.table.replaceNode(msg.node, asMap(msg.members)));
    return out;
  }
};

// server/presence/cluster.ts
function timing() {
  const heartbeatMs = env().PRESENCE_HEARTBEAT_MS;
  return { heartbeatMs, expiryMs: 3 * heartbeatMs, checkMs: Math.min(5e3, heartbeatMs) };
}
var ClusterLink = class {
  constructor(bus, nodeId, table, allCounts, onResults, log) {
    this.bus = bus;
    this.nodeId = nodeId;
    this.allCounts = allCounts;
    this.onResults = onResults;
    this.log = log;
    this.tracker = new PeerTracker(nodeId, table, this.timing.expiryMs);
  }
  bus;
  nodeId;
  allCounts;
  onResults;
  log;
  epoch = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  seq = 0;
  pending = /* @__PURE__ */ new Map();
  scheduled = false;
  // The first message says everything this node holds; so does the next after a failed publish.
  resetNeeded = true;
  timers = [];
  stopped = false;
  tracker;
  timing = timing();
  async start() {
    this.bus.onConnections((msg) => this.receive(msg));
    this.flush();
    for (const snap of await this.bus.readAllConnections()) {
      const { results, resync } = this.tracker.synced(snap.node, snap, Date.now());
      this.onResults(results);
      for (const node of resync) this.resync(node);
    }
    this.timers.push(setInterval(() => this.flush(), this.timing.heartbeatMs));
    this.timers.push(setInterval(() => this.onResults(this.tracker.expire(Date.now())), this.timing.checkMs));
  }
  /** Tells the other nodes this node is going: they forget its connections at once. */
  async stop() {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.flush();
    const msg = { node: this.nodeId, epoch: this.epoch, seq: ++this.seq, members: {}, gone: true };
    await this.bus.shareConnections(msg, this.timing.expiryMs).catch(() => void 0);
  }
  /** The member's connections on this node changed: shared at the end of this turn of the event loop. */
  share(memberId, counts) {
    this.pending.set(memberId, counts);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
  // Also the heartbeat: an empty message keeps this node alive to the others and its state on the bus.
  flush() {
    this.scheduled = false;
    const reset = this.resetNeeded;
    const members = reset ? this.allCounts() : Object.fromEntries(this.pending);
    this.pending.clear();
    this.resetNeeded = false;
    const msg = { node: this.nodeId, epoch: this.epoch, seq: ++this.seq, members, ...reset ? { reset } : {} };
    this.bus.shareConnections(msg, this.timing.expiryMs).catch((err) => {
      this.resetNeeded = true;
      this.log(`sharing connection counts failed, will send them all again: ${err.message}`);
    });
  }
  receive(msg) {
    const { results, resync } = this.tracker.receive(msg, Date.now());
    this.onResults(results);
    for (const node of resync) this.resync(node);
  }
  /**
   * Reads a node's whole state again. A failed read is tried again (1 s, doubling to 30 s) while the
   * node keeps talking, instead of leaving it "syncing" with its messages held back for ever; a gap
   * found among the held-back messages asks for another read.
   */
  resync(node, attempt = 0) {
    if (this.stopped) return;
    this.bus.readConnections(node).then(
      (snap) => {
        const { results, resync } = this.tracker.synced(node, snap, Date.now());
        this.onResults(results);
        for (const again of resync) this.resync(again);
      },
      (err) => {
        this.log(`reading node ${node}'s connections failed, trying again: ${err.message}`);
        const t = setTimeout(() => this.resync(node, attempt + 1), Math.min(3e4, 1e3 * 2 ** attempt));
        t.unref?.();
      }
    );
  }
};

// lib/messages/digest-email.ts
var plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;
var listed = (names) => names.length <= 2 ? names.join(" and ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
function subjectOf(conversations, missed) {
  const total = conversations.reduce((n, c) => n + c.count, 0);
  const calls = missed.reduce((n, c) => n + c.count, 0);
  if (calls === 0) return `${plural(total, "unread message")} from ${listed(conversations.map((c) => c.name))}`;
  if (total === 0) return `${plural(calls, "missed call")} from ${listed(missed.map((c) => c.name))}`;
  return `${plural(total, "unread message")} and ${plural(calls, "missed call")}`;
}
function digestEmail(to, conversations, missed, links) {
  const lines = conversations.flatMap((c) => [
    `${c.name} (${c.count} unread):`,
    ...c.latest.map((t) => `  \u201C${t.length > 140 ? `${t.slice(0, 139)}\u2026` : t}\u201D`),
    ...c.count > c.latest.length ? [`  \u2026and ${c.count - c.latest.length} more`] : [],
    ""
  ]);
  return {
    to: to.email,
    subject: subjectOf(conversations, missed),
    text: [
      `Hello ${to.displayName},`,
      "",
      "While you were away:",
      "",
      ...lines,
      ...conversations.length ? [`Read and answer: ${links.read}`, ""] : [],
      ...missed.length ? [
        "Missed calls:",
        ...missed.map((c) => `  ${c.name}${c.count > 1 ? ` (${c.count} calls)` : ""}`),
        "",
        `Call back: ${links.calls}`,
        ""
      ] : [],
      "You get one of these after 10 minutes away, and no other until you have been back.",
      `Stop these emails: ${links.off}`,
      ""
    ].join("\n")
  };
}

// lib/messages/digest-link.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var mac = (secret, memberId) => createHmac("sha256", secret).update(`digest-off:${memberId}`).digest("base64url");
var digestOffToken = (secret, memberId) => mac(secret, memberId);
var digestOffUrl = (publicUrl, secret, memberId) => `${publicUrl}/messages/digest-off?m=${encodeURIComponent(memberId)}&t=${digestOffToken(secret, memberId)}`;

// lib/messages/schemas.ts
import { z as z3 } from "zod";

// lib/messages/uuid7.ts
var UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
function uuid7(now = Date.now(), random = (b) => crypto.getRandomValues(b)) {
  const b = random(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 112 | b[6] & 15;
  b[8] = 128 | b[8] & 63;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// lib/messages/wire.ts
var MAX_BODY_CHARS = 4e3;
var MAX_GROUP_MEMBERS = 100;
var KINDS = /* @__PURE__ */ new Set(["text", "file", "edit", "delete"]);
function toWire(m) {
  const gone = m.deletedAt !== null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    senderId: m.senderId,
    clientId: m.clientId,
    kind: KINDS.has(m.kind) ? m.kind : "text",
    targetSeq: m.targetSeq,
    body: gone ? "" : m.body,
    file: !gone && m.fileName && m.fileType ? { name: m.fileName, type: m.fileType, size: m.fileSize ?? 0, width: m.width, height: m.height, thumb: m.thumbKey !== null } : null,
    replyToSeq: m.replyToSeq,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null
  };
}
var SHOWN_KINDS = ["text", "file"];

// lib/messages/schemas.ts
var MAX_SEQ = 2147483647;
var seqOver = "No such message";
var sendMessageSchema = z3.object({
  clientId: z3.string().regex(UUID7, "clientId must be a UUIDv7"),
  body: z3.string().max(MAX_BODY_CHARS, `A message holds at most ${MAX_BODY_CHARS} characters`).refine((s) => s.trim().length > 0, "A message cannot be empty"),
  replyToSeq: z3.number().int().positive().max(MAX_SEQ, seqOver).optional()
});
var cursorsSchema = z3.record(z3.string().min(1).max(64), z3.number().int().min(0).max(MAX_SEQ)).refine((c) => Object.keys(c).length <= 1e3, {
  message: "At most 1,000 conversations per request"
});
var editMessageSchema = z3.object({ clientId: sendMessageSchema.shape.clientId, body: sendMessageSchema.shape.body });
var deleteMessageSchema = z3.object({ clientId: sendMessageSchema.shape.clientId });
var messageParams = z3.object({
  conversationId: z3.string().min(1).max(64),
  seq: z3.coerce.number().int().positive().max(MAX_SEQ, seqOver)
});
var openConversationSchema = z3.object({ to: z3.string().min(1).max(64) });
var memberIds = z3.array(z3.string().min(1).max(64)).min(1, "Choose at least one person").max(MAX_GROUP_MEMBERS);
var createGroupSchema = z3.object({
  title: z3.string().trim().min(1, "Give the group a name").max(80, "A group's name holds at most 80 characters"),
  memberIds
});
var addMembersSchema = z3.object({ memberIds });
var conversationParams = z3.object({ conversationId: z3.string().min(1).max(64) });
var historyQuery = z3.object({
  before: z3.coerce.number().int().positive().max(MAX_SEQ).optional(),
  limit: z3.coerce.number().int().min(1).max(200).optional()
});
var readSchema = z3.object({ seq: z3.number().int().min(0).max(MAX_SEQ), marker: z3.enum(["read", "delivered"]).default("read") });
var syncSchema = z3.object({ cursors: cursorsSchema, only: z3.boolean().default(false) });
var answerRequestSchema = z3.object({ answer: z3.enum(["accept", "decline", "block"]) });
var searchQuery = z3.object({ q: z3.string().trim().min(1, "Type a word to search for").max(200) });

// lib/messages/send-digests.ts
var DIGEST_MIN_GAP_MS = 36e5;
var LOOK_BACK_MS = 7 * 864e5;
var BATCH = 200;
async function sendDueDigests(deps, opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const awaySince = new Date(now.getTime() - opts.awayMs);
  const lookBack = new Date(Math.max(0, now.getTime() - LOOK_BACK_MS));
  let sent = 0;
  let after;
  for (; ; ) {
    const candidates = await deps.db.member.findMany({
      where: {
        ...after !== void 0 && { id: { gt: after } },
        messageDigests: true,
        emailVerifiedAt: { not: null },
        OR: [{ presenceSeenAt: null }, { presenceSeenAt: { lte: awaySince } }],
        AND: [
          { OR: [{ messageDigestSentAt: null }, { messageDigestSentAt: { lte: new Date(now.getTime() - DIGEST_MIN_GAP_MS) } }] },
          {
            OR: [
              { conversations: { some: { state: "accepted", conversation: { lastMessageAt: { gt: lookBack } } } } },
              { callsReceived: { some: { calleeSeen: false, outcome: "missed", createdAt: { gt: lookBack } } } }
            ]
          }
        ],
        connections: { none: { lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } } }
      },
      select: { id: true, email: true, displayName: true, presenceSeenAt: true, createdAt: true, messageDigestSentAt: true },
      orderBy: { id: "asc" },
      take: BATCH
    });
    for (const m of candidates) {
      const since = m.presenceSeenAt ?? m.createdAt;
      if (m.messageDigestSentAt && m.messageDigestSentAt >= since) continue;
      const [conversations, missed] = await Promise.all([unreadSince(deps.db, m.id, since), missedSince(deps.db, m.id, since)]);
      if (conversations.length === 0 && missed.length === 0) continue;
      const { count } = await deps.db.member.updateMany({
        where: { id: m.id, messageDigestSentAt: m.messageDigestSentAt },
        data: { messageDigestSentAt: now }
      });
      if (count === 0) continue;
      await deps.mailer.send(
        digestEmail(m, conversations, missed, {
          read: `${deps.publicUrl}/messages`,
          calls: `${deps.publicUrl}/calls`,
          off: digestOffUrl(deps.publicUrl, deps.secret, m.id)
        })
      );
      sent++;
    }
    if (candidates.length < BATCH) return sent;
    after = candidates.at(-1).id;
  }
}
async function unreadSince(db, memberId, since) {
  const rows = await db.conversationMember.findMany({
    where: { memberId, state: "accepted", conversation: { lastMessageAt: { gt: since } } },
    select: {
      readSeq: true,
      conversation: {
        select: {
          id: true,
          title: true,
          members: { where: { memberId: { not: memberId } }, select: { member: { select: { displayName: true } } } }
        }
      }
    }
  });
  const out = [];
  for (const r of rows) {
    const where = {
      conversationId: r.conversation.id,
      seq: { gt: r.readSeq },
      senderId: { not: memberId },
      kind: { in: [...SHOWN_KINDS] },
      deletedAt: null,
      createdAt: { gt: since }
    };
    const [count, latest] = await Promise.all([
      db.conversationMessage.count({ where }),
      db.conversationMessage.findMany({ where, orderBy: { seq: "desc" }, take: 3, select: { body: true, kind: true, fileName: true } })
    ]);
    if (count === 0) continue;
    out.push({
      name: r.conversation.title || r.conversation.members.map((x) => x.member.displayName).join(", "),
      count,
      latest: latest.reverse().map((x) => x.kind === "file" ? `[${x.fileName ?? "a file"}]` : x.body)
    });
  }
  return out;
}
async function missedSince(db, memberId, since) {
  const rows = await db.call.findMany({
    where: { calleeId: memberId, calleeSeen: false, outcome: "missed", createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { caller: { select: { displayName: true } }, callerId: true }
  });
  const byCaller = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const m = byCaller.get(r.callerId) ?? { name: r.caller.displayName, count: 0 };
    m.count++;
    byCaller.set(r.callerId, m);
  }
  return [...byCaller.values()];
}

// server/presence/digests.ts
var Digests = class {
  constructor(deps, awayMs, log) {
    this.deps = deps;
    this.awayMs = awayMs;
    this.log = log;
  }
  deps;
  awayMs;
  log;
  timer = null;
  running = false;
  start() {
    const every = Math.max(1e3, Math.min(6e4, Math.floor(this.awayMs / 3)));
    this.timer = setInterval(() => void this.run(), every);
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
  }
  async run() {
    if (this.running) return;
    this.running = true;
    try {
      const sent = await sendDueDigests(this.deps, { awayMs: this.awayMs });
      if (sent) this.log(`sent ${sent} unread-message digest${sent === 1 ? "" : "s"}`);
    } catch (err) {
      this.log(`digests failed: ${err.message}`);
    } finally {
      this.running = false;
    }
  }
};

// lib/presence/load-facts.ts
async function loadPresenceFacts(db, memberIds2) {
  const ids = [...new Set(memberIds2)];
  if (ids.length === 0) return /* @__PURE__ */ new Map();
  return mapInParts(ids, (part) => factsOf(db, part));
}
async function factsOf(db, ids) {
  const [members, calls] = await Promise.all([
    db.member.findMany({ where: { id: { in: ids } }, select: { id: true, presenceSetting: true } }),
    // In a call means busy to everyone else (as lib/presence/read-model.ts reads it).
    db.call.findMany({
      where: { status: "connected", OR: [{ callerId: { in: ids } }, { calleeId: { in: ids } }] },
      select: { callerId: true, calleeId: true }
    })
  ]);
  const inCall = new Set(calls.flatMap((c) => [c.callerId, c.calleeId]));
  return new Map(members.map((m) => [m.id, { setting: m.presenceSetting, inCall: inCall.has(m.id) }]));
}

// server/presence/facts.ts
var REFRESH_CHUNK = 500;
var FactsLoader = class {
  constructor(db, table, onResult, log) {
    this.db = db;
    this.table = table;
    this.onResult = onResult;
    this.log = log;
  }
  db;
  table;
  onResult;
  log;
  batch = null;
  /** Resolves once the members' facts are cached (or could not be read: then they stay unknown). */
  ensure(memberIds2) {
    const missing = [...memberIds2].filter((id) => !this.table.hasFacts(id));
    if (missing.length === 0) return Promise.resolve();
    if (!this.batch) {
      const ids = /* @__PURE__ */ new Map();
      const done = new Promise((resolve) => setImmediate(resolve)).then(() => this.load(ids));
      this.batch = { ids, done };
    }
    for (const id of missing) if (!this.batch.ids.has(id)) this.batch.ids.set(id, this.table.generation(id));
    return this.batch.done;
  }
  /** The member's facts changed in a way the notice did not say: read them again. */
  reload(memberIds2) {
    for (const id of memberIds2) this.table.forgetFacts(id);
    return this.ensure(memberIds2);
  }
  /**
   * Reads every cached member's facts again and replaces them (unless announced meanwhile): a notice
   * lost on the bus (a subscriber reconnecting) is mended within one round, so a member who chose
   * invisible is never shown online for long on a node that missed it.
   */
  async refreshCached() {
    const all = this.table.cachedMembers();
    for (let i = 0; i < all.length; i += REFRESH_CHUNK) {
      const part = all.slice(i, i + REFRESH_CHUNK).map((id) => [id, this.table.generation(id)]);
      try {
        const facts = await loadPresenceFacts(
          this.db,
          part.map(([id]) => id)
        );
        for (const [id, gen] of part) {
          const f = facts.get(id);
          if (f) this.onResult(this.table.refreshFacts(id, f, gen));
        }
      } catch (err) {
        this.log(`reading members' presence facts again failed: ${err.message}`);
        return;
      }
    }
  }
  async load(ids) {
    this.batch = null;
    try {
      const facts = await loadPresenceFacts(this.db, [...ids.keys()]);
      for (const [id, gen] of ids) {
        this.onResult(this.table.fillFacts(id, facts.get(id) ?? { setting: "online", inCall: false }, gen));
      }
      const again = [...ids.keys()].filter((id) => !this.table.hasFacts(id));
      if (again.length) void this.ensure(again);
    } catch (err) {
      this.log(`reading members' presence facts failed: ${err.message}`);
    }
  }
};

// server/presence/fanout.ts
var FANOUT_GAP_MS = 10;
var FanOut = class {
  constructor(io, registry) {
    this.io = io;
    this.registry = registry;
  }
  io;
  registry;
  pending = /* @__PURE__ */ new Map();
  scheduled = false;
  lastFlush = 0;
  /** The member's status changed: every watcher here, at its detail. */
  send(memberId, status) {
    for (const sid of this.registry.watchersOf(memberId)) {
      const seen = this.registry.statusFor(sid, memberId, status);
      if (seen !== null) this.sendTo(sid, memberId, seen);
    }
  }
  /**
   * One watcher, a status already decided for it (after a change of rules). Queued behind what the
   * socket is due, never ahead of it: a status decided at the old detail must not arrive last.
   */
  sendTo(sid, memberId, seen) {
    const list = this.pending.get(sid);
    if (list) list.push({ memberId, status: seen });
    else this.pending.set(sid, [{ memberId, status: seen }]);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlush + FANOUT_GAP_MS - performance.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }
  /**
   * Sends what one socket is due now, ahead of the shared frame: called before an answer that goes
   * to it directly (a watch's statuses), which must not overtake older changes still waiting here.
   */
  flushFor(sid) {
    const list = this.pending.get(sid);
    if (!list) return;
    this.pending.delete(sid);
    this.io.to(sid).emit("presence", list);
  }
  flush() {
    this.scheduled = false;
    this.lastFlush = performance.now();
    const groups = /* @__PURE__ */ new Map();
    for (const [sid, list] of this.pending) {
      const key2 = list.map((c) => `${c.memberId}:${c.status}`).join(",");
      const group = groups.get(key2);
      if (group) group.sids.push(sid);
      else groups.set(key2, { list, sids: [sid] });
    }
    this.pending.clear();
    for (const { list, sids } of groups.values()) this.io.to(sids).emit("presence", list);
  }
};

// server/presence/message-sends.ts
import { z as z4 } from "zod";

// lib/messages/announce.ts
async function participants(db, conversationId) {
  const rows = await db.conversationMember.findMany({
    where: { conversationId, state: { not: "declined" }, NOT: { state: "request", member: { presenceSetting: "dnd" } } },
    select: { memberId: true }
  });
  return rows.map((m) => m.memberId);
}
async function announceMessage(deps, message, to) {
  const who2 = to ?? await participants(deps.db, message.conversationId);
  await Promise.allSettled(who2.map((memberId) => deps.bus.toMember(memberId, "message", message)));
}

// lib/db/unique-violation.ts
function uniqueViolationFields(err) {
  if (!err || typeof err !== "object") return null;
  const e = err;
  if (e.code !== "P2002") return null;
  const meta = e.meta ?? {};
  const target = meta.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = meta.driverAdapterError?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  if (cause?.constraint?.index) return [cause.constraint.index];
  return [];
}
function isUniqueViolationOn(err, field) {
  const fields = uniqueViolationFields(err);
  return !!fields && fields.some((f) => f === field || f.includes(field));
}

// lib/messages/append-entry.ts
async function appendEntry({
  db,
  senderId,
  conversationId,
  clientId,
  entry,
  apply,
  now
}) {
  const again = () => sentBefore(db, senderId, conversationId, clientId);
  const earlier = await again();
  if (earlier) return { message: earlier, created: false };
  const shown = entry.kind === "text" || entry.kind === "file";
  try {
    const message = await db.$transaction(
      async (tx) => {
        const membership = await tx.conversationMember.findUnique({
          where: { conversationId_memberId: { conversationId, memberId: senderId } },
          select: {
            conversation: { select: { kind: true, members: { where: { memberId: { not: senderId } }, select: { memberId: true } } } }
          }
        });
        if (!membership) throw new DomainError("NOT_FOUND", "No such conversation");
        if (membership.conversation.kind === "direct") {
          const other = membership.conversation.members[0]?.memberId ?? "";
          const blocked = await tx.block.count({
            where: {
              OR: [
                { blockerId: senderId, blockedId: other },
                { blockerId: other, blockedId: senderId }
              ]
            }
          });
          if (blocked) throw new DomainError("FORBIDDEN", "You cannot write to this member");
        }
        const { lastSeq } = await tx.conversation.update({
          where: { id: conversationId },
          data: { lastSeq: { increment: 1 } },
          select: { lastSeq: true }
        });
        const at = now ?? /* @__PURE__ */ new Date();
        if (shown) await tx.conversation.update({ where: { id: conversationId }, data: { lastMessageAt: at } });
        if (entry.replyToSeq !== void 0) {
          const to = entry.replyToSeq < lastSeq ? await tx.conversationMessage.findUnique({
            where: { conversationId_seq: { conversationId, seq: entry.replyToSeq } },
            select: { kind: true }
          }) : null;
          if (!to || to.kind !== "text" && to.kind !== "file")
            throw new DomainError("VALIDATION_FAILED", "A reply must be to an earlier message");
        }
        await apply?.(tx, lastSeq, at);
        const stored2 = await tx.conversationMessage.create({
          data: { ...entry, conversationId, seq: lastSeq, senderId, clientId, createdAt: at }
        });
        await tx.conversationMember.update({
          where: { conversationId_memberId: { conversationId, memberId: senderId } },
          data: { readSeq: lastSeq, deliveredSeq: lastSeq, state: "accepted" }
        });
        return stored2;
      },
      // A burst into one conversation queues on its row, each send holding a connection while it
      // waits: give the queue time rather than fail a send that would succeed a moment later.
      { maxWait: 15e3, timeout: 15e3 }
    );
    return { message: toWire(message), created: true };
  } catch (err) {
    if (!isUniqueViolationOn(err, "clientId")) throw err;
    const raced = await again();
    if (!raced) throw err;
    return { message: raced, created: false };
  }
}
async function sentBefore(db, senderId, conversationId, clientId) {
  const m = await db.conversationMessage.findUnique({ where: { senderId_clientId: { senderId, clientId } } });
  if (!m) return null;
  if (m.conversationId !== conversationId) throw new DomainError("CONFLICT", "This message id was already used for another conversation");
  return toWire(m);
}

// lib/messages/batch-queue.ts
var BatchQueue = class {
  constructor(write, maxBatch = 256) {
    this.write = write;
    this.maxBatch = maxBatch;
  }
  write;
  maxBatch;
  waiting = [];
  writing = false;
  submit(item) {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }
  /** Items waiting for the writer (for diagnostics). */
  get backlog() {
    return this.waiting.length;
  }
  async drain() {
    this.writing = true;
    try {
      await Promise.resolve();
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        let outcomes;
        try {
          outcomes = await this.write(batch.map((b) => b.item));
          if (outcomes.length !== batch.length) throw new Error(`write returned ${outcomes.length} outcomes for ${batch.length} items`);
        } catch (err) {
          for (const b of batch) b.reject(err);
          continue;
        }
        batch.forEach((b, i) => {
          const o = outcomes[i];
          if (o instanceof Error) b.reject(o);
          else b.resolve(o);
        });
      }
    } finally {
      this.writing = false;
    }
  }
};

// lib/messages/store-texts-sqlite.ts
import Database from "better-sqlite3";
var date = (v) => v === null || v === void 0 ? null : new Date(typeof v === "number" ? v : String(v));
var sqliteTime = (d) => d.toISOString().replace("Z", "+00:00");
function stored(r) {
  return {
    id: String(r.id),
    conversationId: String(r.conversationId),
    seq: Number(r.seq),
    senderId: String(r.senderId),
    clientId: String(r.clientId),
    kind: String(r.kind),
    targetSeq: r.targetSeq ?? null,
    body: String(r.body),
    replyToSeq: r.replyToSeq ?? null,
    fileName: r.fileName ?? null,
    fileType: r.fileType ?? null,
    fileSize: r.fileSize ?? null,
    thumbKey: r.thumbKey ?? null,
    width: r.width ?? null,
    height: r.height ?? null,
    createdAt: date(r.createdAt),
    editedAt: date(r.editedAt),
    deletedAt: date(r.deletedAt)
  };
}
function sqliteTextStore(file, opts) {
  const db = new Database(file, { timeout: opts.busyTimeoutMs });
  db.pragma("journal_mode = WAL");
  const q = {
    earlier: db.prepare(`SELECT * FROM "ConversationMessage" WHERE "senderId" = ? AND "clientId" = ?`),
    membership: db.prepare(
      `SELECT c."kind" AS kind FROM "ConversationMember" m JOIN "Conversation" c ON c."id" = m."conversationId"
       WHERE m."conversationId" = ? AND m."memberId" = ?`
    ),
    blocked: db.prepare(
      `SELECT 1 FROM "ConversationMember" o JOIN "Block" b
         ON (b."blockerId" = ? AND b."blockedId" = o."memberId") OR (b."blockerId" = o."memberId" AND b."blockedId" = ?)
       WHERE o."conversationId" = ? AND o."memberId" <> ? LIMIT 1`
    ),
    replyKind: db.prepare(`SELECT "kind" AS kind FROM "ConversationMessage" WHERE "conversationId" = ? AND "seq" = ?`),
    next: db.prepare(`UPDATE "Conversation" SET "lastSeq" = "lastSeq" + 1, "lastMessageAt" = ? WHERE "id" = ? RETURNING "lastSeq" AS seq`),
    insert: db.prepare(
      `INSERT INTO "ConversationMessage" ("id", "conversationId", "seq", "senderId", "clientId", "kind", "body", "replyToSeq", "createdAt")
       VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?)`
    ),
    own: db.prepare(
      `UPDATE "ConversationMember" SET "readSeq" = MAX("readSeq", ?), "deliveredSeq" = MAX("deliveredSeq", ?), "state" = 'accepted'
       WHERE "conversationId" = ? AND "memberId" = ?`
    ),
    // As announce.ts's participants(): a stranger's request waits silently for a member on do-not-disturb.
    participants: db.prepare(
      `SELECT cm."memberId" AS id FROM "ConversationMember" cm JOIN "Member" m ON m."id" = cm."memberId"
       WHERE cm."conversationId" = ? AND cm."state" <> 'declined' AND NOT (cm."state" = 'request' AND m."presenceSetting" = 'dnd')`
    )
  };
  const participants2 = (conversationId) => q.participants.all(conversationId).map((r) => r.id);
  const one = db.transaction((s) => {
    const { senderId, conversationId, clientId, body, replyToSeq } = s;
    const earlier = q.earlier.get(senderId, clientId);
    if (earlier) {
      if (earlier.conversationId !== conversationId)
        throw new DomainError("CONFLICT", "This message id was already used for another conversation");
      return { message: toWire(stored(earlier)), created: false, to: participants2(conversationId) };
    }
    const membership = q.membership.get(conversationId, senderId);
    if (!membership) throw new DomainError("NOT_FOUND", "No such conversation");
    if (membership.kind === "direct" && q.blocked.get(senderId, senderId, conversationId, senderId)) {
      throw new DomainError("FORBIDDEN", "You cannot write to this member");
    }
    if (replyToSeq !== void 0) {
      const to = q.replyKind.get(conversationId, replyToSeq);
      if (!to || to.kind !== "text" && to.kind !== "file")
        throw new DomainError("VALIDATION_FAILED", "A reply must be to an earlier message");
    }
    const at = s.at ?? /* @__PURE__ */ new Date();
    const { seq } = q.next.get(sqliteTime(at), conversationId);
    const id = uuid7(at.getTime());
    q.insert.run(id, conversationId, seq, senderId, clientId, body, replyToSeq ?? null, sqliteTime(at));
    q.own.run(seq, seq, conversationId, senderId);
    const message = toWire({
      id,
      conversationId,
      seq,
      senderId,
      clientId,
      kind: "text",
      targetSeq: null,
      body,
      replyToSeq: replyToSeq ?? null,
      fileName: null,
      fileType: null,
      fileSize: null,
      thumbKey: null,
      width: null,
      height: null,
      createdAt: at,
      editedAt: null,
      deletedAt: null
    });
    return { message, created: true, to: participants2(conversationId) };
  });
  const batch = db.transaction(
    (sends) => sends.map((s) => {
      try {
        return one(s);
      } catch (err) {
        if (err instanceof DomainError) return err;
        throw err;
      }
    })
  );
  return {
    store: (sends) => batch.immediate(sends),
    close: () => db.close()
  };
}

// lib/messages/send-message.ts
var LOCK_WAIT_MS = 5e3;
var queues = /* @__PURE__ */ new Map();
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var isBusy = (err) => err.code === "SQLITE_BUSY";
function sqliteQueue(url) {
  let q = queues.get(url);
  if (!q) {
    const store2 = sqliteTextStore(url.replace(/^file:/, ""), { busyTimeoutMs: 0 });
    q = new BatchQueue(async (sends) => {
      const started = Date.now();
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        try {
          return store2.store(sends);
        } catch (err) {
          if (!isBusy(err) || Date.now() - started > LOCK_WAIT_MS) throw err;
          await sleep(pause);
        }
      }
    });
    queues.set(url, q);
  }
  return q;
}
async function sendMessage({
  db,
  senderId,
  conversationId,
  input,
  now
}) {
  const e = env();
  if (e.dbKind === "sqlite") {
    return sqliteQueue(e.DATABASE_URL).submit({ senderId, conversationId, ...input, at: now });
  }
  const { message, created } = await appendEntry({
    db,
    senderId,
    conversationId,
    clientId: input.clientId,
    entry: { kind: "text", body: input.body, replyToSeq: input.replyToSeq },
    now
  });
  return { message, created, to: await participants(db, conversationId) };
}

// lib/messages/away-reply.ts
var AWAY_REPLY_GAP_MS = 36e5;
var CACHE_MS = 1e4;
var AUTO_REPLY_PREFIX = "Auto-reply: ";
var cache = null;
async function membersWithReplies(db, now) {
  if (cache && now - cache.at < CACHE_MS) return cache.ids;
  const rows = await db.routingRules.findMany({ where: { awayReply: { not: "" } }, select: { memberId: true } });
  cache = { at: now, ids: new Set(rows.map((r) => r.memberId)) };
  return cache.ids;
}
async function sendAwayReplies(deps, stored2, senderId, now = /* @__PURE__ */ new Date()) {
  const { db } = deps;
  const ids = await membersWithReplies(db, now.getTime());
  const candidates = stored2.to.filter((id) => id !== senderId && ids.has(id));
  if (candidates.length === 0 || stored2.message.body.startsWith(AUTO_REPLY_PREFIX)) return 0;
  const conversationId = stored2.message.conversationId;
  const conversation = await db.conversation.findUnique({ where: { id: conversationId }, select: { kind: true } });
  if (conversation?.kind !== "direct") return 0;
  let sent = 0;
  for (const memberId of candidates) {
    const seen = (await statusesSeenBy(db, { [memberId]: await getStatus(db, memberId, now) }, senderId))[memberId];
    if (seen !== "away") continue;
    const claimed = await db.conversationMember.updateMany({
      where: {
        conversationId,
        memberId,
        state: "accepted",
        OR: [{ autoRepliedAt: null }, { autoRepliedAt: { lt: new Date(now.getTime() - AWAY_REPLY_GAP_MS) } }]
      },
      data: { autoRepliedAt: now }
    });
    if (claimed.count === 0) continue;
    const rules = await db.routingRules.findUnique({ where: { memberId }, select: { awayReply: true } });
    if (!rules?.awayReply) continue;
    const markers = await db.conversationMember.findUnique({
      where: { conversationId_memberId: { conversationId, memberId } },
      select: { readSeq: true, deliveredSeq: true }
    });
    const reply = await sendMessage({
      db,
      senderId: memberId,
      conversationId,
      input: { clientId: uuid7(), body: `${AUTO_REPLY_PREFIX}${rules.awayReply}` }
    });
    if (markers)
      await db.conversationMember.updateMany({
        where: { conversationId, memberId, readSeq: reply.message.seq },
        data: { readSeq: markers.readSeq, deliveredSeq: markers.deliveredSeq }
      });
    if (reply.created) await announceMessage(deps, reply.message, reply.to);
    sent++;
  }
  return sent;
}

// lib/http/counter-store.ts
import { Redis as Redis2 } from "ioredis";

// lib/http/rate-limit.ts
var MEMORY_STORE_MAX_KEYS = 1e5;
var SWEEP_EVERY_MS = 5e3;
var MemoryStore = class {
  constructor(maxKeys = MEMORY_STORE_MAX_KEYS) {
    this.maxKeys = maxKeys;
  }
  maxKeys;
  /** In order of the last count, oldest first: a Map iterates in insertion order, and a count re-inserts its key. */
  windows = /* @__PURE__ */ new Map();
  nextSweep = 0;
  /** How many keys are held. */
  get size() {
    return this.windows.size;
  }
  async incr(key2, windowMs, now = Date.now()) {
    if (now >= this.nextSweep) this.sweep(now);
    let w = this.windows.get(key2);
    this.windows.delete(key2);
    if (!w || now - w.start >= w.windowMs) w = { start: now, windowMs, count: 0 };
    w.count++;
    this.windows.set(key2, w);
    if (this.windows.size > this.maxKeys) this.evictOldest();
    return { count: w.count, resetInMs: w.start + w.windowMs - now };
  }
  async reset(key2) {
    this.windows.delete(key2);
  }
  async peek(key2, now = Date.now()) {
    const w = this.windows.get(key2);
    if (!w || now - w.start >= w.windowMs) return { count: 0, resetInMs: 0 };
    return { count: w.count, resetInMs: w.start + w.windowMs - now };
  }
  /**
   * Down to 90% of the cap in one pass: deleted keys stay as holes at the front of a Map until it is
   * rehashed, so evicting one key per count would walk those holes every time.
   */
  evictOldest() {
    let excess = this.windows.size - Math.floor(this.maxKeys * 0.9);
    for (const k of this.windows.keys()) {
      if (excess-- <= 0) break;
      this.windows.delete(k);
    }
  }
  sweep(now) {
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [k, w] of this.windows) if (now - w.start >= w.windowMs) this.windows.delete(k);
  }
};
var INCR = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;
var RedisStore = class {
  constructor(redis, prefix = "rl:") {
    this.redis = redis;
    this.prefix = prefix;
  }
  redis;
  prefix;
  async incr(key2, windowMs) {
    const [count, ttl] = await this.redis.eval(INCR, 1, this.prefix + key2, String(windowMs));
    return { count, resetInMs: ttl };
  }
  async reset(key2) {
    await this.redis.del(this.prefix + key2);
  }
  async peek(key2) {
    const [count, ttl] = await this.redis.multi().get(this.prefix + key2).pttl(this.prefix + key2).exec().then((r) => (r ?? []).map((x) => x[1]));
    return count == null ? { count: 0, resetInMs: 0 } : { count: Number(count), resetInMs: Math.max(0, Number(ttl)) };
  }
};
var RateLimiter = class {
  constructor(store2, name, limit, windowMs, label) {
    this.store = store2;
    this.name = name;
    this.limit = limit;
    this.windowMs = windowMs;
    this.label = label;
  }
  store;
  name;
  limit;
  windowMs;
  label;
  /** Counts one attempt; throws RATE_LIMITED with a retry time when over the limit. */
  async hit(key2, now) {
    const { count, resetInMs } = await this.store.incr(`${this.name}:${key2}`, this.windowMs, now);
    if (count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil(resetInMs / 1e3));
      throw new DomainError("RATE_LIMITED", `Too many ${this.label}; please wait ${formatWait(retryAfterSeconds)} and try again`, {
        retryAfterSeconds
      });
    }
  }
};
function formatWait(seconds) {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.ceil(seconds / 60)} min`;
  return `${Math.ceil(seconds / 3600)} h`;
}

// lib/http/counter-store.ts
var store;
function counterStore() {
  if (!store) {
    const url = env().REDIS_URL;
    store = url ? new RedisStore(quiet(new Redis2(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true }))) : new MemoryStore();
  }
  return store;
}

// lib/messages/send-limit.ts
var limiter;
function messageLimiter() {
  limiter ??= new RateLimiter(counterStore(), "messages", env().MESSAGES_PER_MINUTE, 6e4, "messages this minute");
  return limiter;
}

// lib/messages/send-text.ts
async function sendText(deps, senderId, conversationId, input) {
  await messageLimiter().hit(senderId);
  const stored2 = await sendMessage({ db: deps.db, senderId, conversationId, input });
  if (stored2.created) {
    await announceMessage(deps, stored2.message, stored2.to);
    void sendAwayReplies(deps, stored2, senderId).catch(() => void 0);
  }
  return stored2;
}

// server/presence/message-sends.ts
var socketSendSchema = sendMessageSchema.extend({ conversationId: z4.string().min(1).max(64) });
function handleSocketSend(deps, memberId, payload, ack, log) {
  if (typeof ack !== "function") return;
  if (!memberId) return ack({ error: { code: "UNAUTHENTICATED", message: "Sign in to send messages", status: 401 } });
  const parsed = socketSendSchema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return ack({ error: { code: "VALIDATION_FAILED", message: first?.message ?? "Invalid message", status: 400 } });
  }
  const { conversationId, ...input } = parsed.data;
  sendText(deps, memberId, conversationId, input).then(
    ({ message }) => ack({ message }),
    (err) => {
      if (err instanceof DomainError) {
        const retry = err.details?.retryAfterSeconds;
        return ack({
          error: {
            code: err.code,
            message: err.message,
            status: err.status,
            ...typeof retry === "number" ? { retryAfterSeconds: retry } : {}
          }
        });
      }
      log(`a message sent over the socket failed: ${err.message}`);
      ack({ error: { code: "INTERNAL", message: "The message could not be stored: it will be tried again", status: 500 } });
    }
  );
}

// server/presence/watches.ts
var Watches = class {
  constructor(db, registry, statusesOf2, sendTo) {
    this.db = db;
    this.registry = registry;
    this.statusesOf = statusesOf2;
    this.sendTo = sendTo;
  }
  db;
  registry;
  statusesOf;
  sendTo;
  /**
   * Starts watching and answers the current statuses, each as this watcher may see it. A member the
   * watcher may not see is answered offline and watched at "none": nothing reaches the socket unless
   * their rules change to let it see them. Unlisted members chose to stay out of the directory: to an
   * anonymous socket (a guest) they are as a member who does not exist.
   */
  async watchFor(connId, watcherId, ids) {
    const wanted = [...new Set(ids)].slice(0, MAX_WATCHED);
    const details = await this.detailsFor(watcherId, wanted);
    const kept = this.registry.watch(connId, [...details.keys()], (id) => details.get(id) ?? "none");
    const statuses = await this.statusesOf(kept);
    const out = Object.fromEntries(ids.map((id) => [id, "offline"]));
    for (const id of kept) {
      out[id] = visibleStatus(statuses.get(id) ?? "offline", details.get(id) ?? "none");
      this.registry.answered(connId, id, out[id]);
    }
    return out;
  }
  /** A member's rules changed: each watching socket here gets its new detail, and the status it now may see. */
  async redecide(memberId) {
    const byWatcher = /* @__PURE__ */ new Map();
    for (const sid of this.registry.watchersOf(memberId)) {
      const w = this.registry.get(sid)?.memberId ?? null;
      byWatcher.set(w, [...byWatcher.get(w) ?? [], sid]);
    }
    if (!byWatcher.size) return;
    const [settings, relations, owner] = await Promise.all([
      loadVisibility(this.db, [memberId]),
      relationsFrom(this.db, memberId, [...byWatcher.keys()]),
      this.db.member.findUnique({ where: { id: memberId }, select: { listed: true } })
    ]);
    const s = settings.get(memberId);
    const status = (await this.statusesOf([memberId])).get(memberId) ?? "offline";
    for (const [watcherId, sids] of byWatcher) {
      const detail2 = !s || !watcherId && !owner?.listed ? "none" : detailFor(s, relations.get(watcherId) ?? STRANGER);
      for (const sid of sids) {
        this.registry.setDetail(sid, memberId, detail2);
        const seen = this.registry.statusFor(sid, memberId, status);
        if (seen !== null) this.sendTo(sid, memberId, seen);
      }
    }
  }
  /** What one watcher (null: a guest) may see of each member: the rules, decided here at the server. */
  detailsFor(watcherId, memberIds2) {
    return mapInParts(memberIds2, (part) => this.detailsOfPart(watcherId, part));
  }
  async detailsOfPart(watcherId, memberIds2) {
    const [settings, relations, listed2] = await Promise.all([
      loadVisibility(this.db, memberIds2),
      relationsTo(this.db, memberIds2, watcherId),
      watcherId ? null : this.db.member.findMany({ where: { id: { in: memberIds2 }, listed: true }, select: { id: true } })
    ]);
    const listedIds = listed2 ? new Set(listed2.map((m) => m.id)) : null;
    const out = /* @__PURE__ */ new Map();
    for (const id of memberIds2) {
      const s = settings.get(id);
      if (!s) continue;
      out.set(id, listedIds && !listedIds.has(id) ? "none" : detailFor(s, relations.get(id) ?? STRANGER));
    }
    return out;
  }
};

// server/presence/node.ts
var FLUSH_MS = 250;
var SWEEP_MS = 6e4;
var watchSchema = z5.array(z5.string().min(1).max(64)).max(MAX_WATCHED);
var PresenceNode = class {
  constructor(io, db, bus, opts) {
    this.io = io;
    this.db = db;
    this.bus = bus;
    this.opts = opts;
    this.claims = opts.claims ?? new MemoryTicketClaims();
    this.askedAbout = new AskedAbout({ db, bus, mailer: defaultMailer(), publicUrl: env().PUBLIC_URL }, opts.log);
    this.digests = new Digests(
      { db, mailer: defaultMailer(), secret: env().AUTH_SECRET, publicUrl: env().PUBLIC_URL },
      env().MESSAGE_DIGEST_AFTER_SECONDS * 1e3,
      opts.log
    );
    this.facts = new FactsLoader(db, this.table, (r) => this.onResult(r), opts.log);
    const allCounts = () => Object.fromEntries(this.registry.members().map((m) => [m, this.registry.countsOf(m)]));
    this.cluster = new ClusterLink(bus, opts.nodeId, this.table, allCounts, (rs) => rs.forEach((r) => this.onResult(r)), opts.log);
    this.fanOut = new FanOut(io, this.registry);
    this.watches = new Watches(
      db,
      this.registry,
      (ids) => this.statusesOf(ids),
      (sid, m, s) => this.fanOut.sendTo(sid, m, s)
    );
  }
  io;
  db;
  bus;
  opts;
  registry = new ConnectionRegistry();
  table = new StatusTable();
  askedAbout;
  digests;
  claims;
  facts;
  cluster;
  watches;
  fanOut;
  watchQueue = /* @__PURE__ */ new Map();
  timers = [];
  flushing = null;
  async start() {
    const cleared = await clearNode(this.db, this.opts.nodeId);
    if (cleared) this.opts.log(`cleared ${cleared} connection rows left by this node's previous run`);
    this.io.use(async (socket, next) => {
      const auth = socket.handshake.auth ?? {};
      const check = await verifyTicket(this.opts.secret, auth.ticket);
      if (!check.ok) return next(new Error(check.reason));
      let first;
      try {
        first = await this.claims.claim(check.jti, check.expiresAt);
      } catch (err) {
        this.opts.log(`ticket check failed: ${err.message}`);
        return next(new Error("ticket check unavailable: try again"));
      }
      if (!first) return next(new Error("used ticket: ask /api/presence/ticket for a new one"));
      socket.data.memberId = check.subject.kind === "member" ? check.subject.memberId : null;
      socket.data.guestId = check.subject.kind === "guest" ? check.subject.guestId : null;
      next();
    });
    this.io.on("connection", (socket) => void this.onConnection(socket));
    this.bus.onMemberEvent((e) => this.deliverEvent(e));
    this.bus.onPresence((notices) => this.onNotices(notices));
    await this.cluster.start();
    await this.askedAbout.start();
    this.digests.start();
    this.timers.push(setInterval(() => void this.flush(), FLUSH_MS));
    this.timers.push(setInterval(() => void this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(setInterval(() => this.sweep(), SWEEP_MS));
  }
  /** Graceful stop: close sockets, tell the other nodes, remove this node's rows. */
  async stop() {
    for (const t of this.timers) clearInterval(t);
    this.askedAbout.stop();
    this.digests.stop();
    this.io.disconnectSockets(true);
    await this.cluster.stop();
    await this.flushing;
    await this.flush();
    await clearNode(this.db, this.opts.nodeId);
  }
  /**
   * Where a member's effective status changes, as this node computes it (for members connected or
   * watched here; others' facts are not kept). Every change passes here once per node, before and
   * after: the place to hang what reacts to it (such as "tell me when available" notices).
   */
  onStatusChange(memberId, _before, after) {
    this.fanOut.send(memberId, after);
    this.sendSelf(memberId);
    this.askedAbout.changed(memberId, after);
  }
  onResult(r) {
    if (r === null) return;
    if (isChange(r)) return this.onStatusChange(r.memberId, r.before, r.after);
    if (this.registry.isWatched(r.memberId) || this.registry.countsOf(r.memberId)[0] > 0) void this.facts.ensure([r.memberId]);
  }
  /** The member's connections on this node changed: recompute here, share with the other nodes. */
  connectionsChanged(memberId) {
    const counts = this.registry.countsOf(memberId);
    this.onResult(this.table.setCounts(this.opts.nodeId, memberId, counts));
    this.cluster.share(memberId, counts);
  }
  async statusesOf(memberIds2) {
    await this.facts.ensure(memberIds2.filter((id) => this.table.status(id) === null));
    return new Map(memberIds2.map((id) => [id, this.table.status(id) ?? "offline"]));
  }
  async onConnection(socket) {
    const auth = socket.handshake.auth ?? {};
    const { memberId, guestId } = socket.data;
    const deviceId = typeof auth.deviceId === "string" ? auth.deviceId.slice(0, 64) : "unknown";
    this.registry.add({
      id: socket.id,
      memberId,
      guestId,
      deviceId,
      address: socket.handshake.address,
      userAgent: String(socket.handshake.headers["user-agent"] ?? ""),
      connectedAt: /* @__PURE__ */ new Date(),
      idle: false
    });
    if (memberId) this.connectionsChanged(memberId);
    socket.on("watch", (ids, ack) => {
      const parsed = watchSchema.safeParse(ids);
      if (!parsed.success || typeof ack !== "function") return;
      const prev = this.watchQueue.get(socket.id) ?? Promise.resolve();
      const next = prev.then(() => this.watches.watchFor(socket.id, socket.data.memberId ?? null, parsed.data)).then(
        (statuses) => {
          this.fanOut.flushFor(socket.id);
          ack(statuses);
        },
        () => ack({})
      );
      this.watchQueue.set(socket.id, next);
      void next.finally(() => {
        if (this.watchQueue.get(socket.id) === next) this.watchQueue.delete(socket.id);
      });
    });
    socket.on("send", (m, ack) => handleSocketSend({ db: this.db, bus: this.bus }, memberId, m, ack, this.opts.log));
    socket.on("idle", (idle) => {
      if (typeof idle !== "boolean") return;
      this.registry.setIdle(socket.id, idle);
      if (memberId) this.connectionsChanged(memberId);
    });
    socket.on("disconnect", () => {
      this.registry.remove(socket.id);
      if (memberId) this.connectionsChanged(memberId);
    });
    const eventKey = memberId ?? (guestId ? guestKey(guestId) : null);
    if (!eventKey) return;
    void socket.join(`member:${eventKey}`);
    if (memberId) void socket.join(deviceRoom(memberId, deviceId));
    if (memberId) void this.statusesOf([memberId]).then(() => this.sendSelf(memberId, socket.id));
    try {
      const missed = await this.bus.since(eventKey, typeof auth.lastEventId === "string" ? auth.lastEventId : void 0);
      for (const e of missed) if (forDevice(e, deviceId)) socket.emit("event", e);
    } catch (err) {
      this.opts.log(`catch-up failed for a connection: ${err.message}`);
    }
  }
  /** A member's own devices learn their setting and public status (including "invisible"). */
  sendSelf(memberId, socketId) {
    const setting = this.table.setting(memberId);
    const status = this.table.status(memberId);
    if (setting === void 0 || status === null || !this.registry.countsOf(memberId)[0]) return;
    this.io.to(socketId ?? `member:${memberId}`).emit("self", { setting, status });
  }
  deliverEvent(e) {
    const device = e.type === "call-ring" ? e.data.device : void 0;
    this.io.to(device ? deviceRoom(e.memberId, device) : `member:${e.memberId}`).emit("event", e);
    if (e.type === "asks") this.askedAbout.add(e.data.memberId);
    if (e.type !== "presence-setting") return;
    this.onResult(this.table.setSetting(e.memberId, e.data.setting));
    this.sendSelf(e.memberId);
  }
  /** What route handlers announced: facts to update, or rules to decide again. */
  onNotices(notices) {
    for (const n of notices) {
      if (n.setting) this.onResult(this.table.setSetting(n.memberId, n.setting));
      if (n.inCall !== void 0) this.onResult(this.table.setInCall(n.memberId, n.inCall));
      if (n.setting || n.inCall !== void 0) this.sendSelf(n.memberId);
      if (n.rules) {
        this.watches.redecide(n.memberId).catch((err) => this.opts.log(`re-deciding who sees a member failed: ${err.message}`));
      } else if (!n.setting && n.inCall === void 0) {
        if (this.table.hasFacts(n.memberId))
          void this.facts.reload([n.memberId]).then(
            () => this.sendSelf(n.memberId),
            () => void 0
          );
      }
    }
  }
  /** Writes this node's connections to the database for route handlers; statuses never wait for it. */
  flush() {
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      const changes = this.registry.takeChanges();
      if (!changes.upserts.length && !changes.deletes.length && !changes.idle.length) return;
      try {
        const t = performance.now();
        await writeChanges(this.db, this.opts.nodeId, changes);
        this.opts.timed?.("flush", performance.now() - t);
        this.registry.written(changes);
      } catch (err) {
        this.registry.restoreChanges(changes);
        this.opts.log(`presence write failed, will retry: ${err.message}`);
      }
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }
  async heartbeat() {
    try {
      const t = performance.now();
      await beat(this.db, this.opts.nodeId);
      this.opts.timed?.("heartbeat", performance.now() - t);
    } catch (err) {
      this.opts.log(`heartbeat failed: ${err.message}`);
    }
  }
  sweep() {
    void sweepExpired(this.db, 5 * 6e4).catch(() => void 0);
    this.table.pruneFacts((m) => this.registry.isWatched(m));
    void this.facts.refreshCached();
  }
};
var deviceRoom = (memberId, deviceId) => `device:${memberId}:${deviceId}`;
var forDevice = (e, deviceId) => e.type !== "call-ring" || !e.data.device || e.data.device === deviceId;
export {
  PresenceNode
};
