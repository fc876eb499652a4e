import path from "node:path";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { scanRoutes, type RouteEntry } from "../../lib/http/route-table";
import { api, newAddress, person, signIn } from "../support/http";

/**
 * The bad-input sweep: every route under app/api, found from the file tree (a
 * new route is covered without editing this file), gets malformed requests —
 * bad percent-encodings in its dynamic segments, lone surrogates, wrong types,
 * huge and negative numbers, wrong content types, truncated JSON, deep nesting,
 * odd methods — signed out and signed in. Nothing may answer 5xx, and every
 * 4xx must be our JSON error shape { error: { code, message } }.
 * Deterministic: a fixed seed, and every route also gets a fixed set of probes.
 */

const SEED = 20261201;
const RANDOM_PER_IDENTITY = 600;
const CONCURRENCY = 4;

const routes = scanRoutes(path.resolve(import.meta.dirname, "../../app"));

// Path segment values, as raw (already percent-encoded) text: fetch leaves "%" sequences alone.
const badSegments = [
  "%",
  "%25",
  "%2",
  "%ZZ",
  "%E0%A4%A",
  "%ED%A0%80",
  "%C0%AF",
  "%FF",
  "%00",
  "abc%",
  "%25%25",
  "%2F",
  "%5C",
  "a".repeat(300),
  "-1",
  "0",
  "99999999999999999999999",
  "1e309",
  "null",
  "%E2%80%AE",
  "%F0%9F%98%80",
  "x y",
  "'%22<>",
];
const plainSegments = ["1", "abc", "ada", "200010000001", "clxyz0000000000000000000"];

const LONE_SURROGATE = "\\ud800"; // as a JSON escape: JSON.parse accepts it and yields an ill-formed string
const badScalars: string[] = [
  `"${LONE_SURROGATE}"`,
  `"a${LONE_SURROGATE}b"`,
  `"\\udfff"`,
  "-1",
  "0",
  "1e309",
  "-1e309",
  "99999999999999999999999999",
  "1.5",
  "true",
  "null",
  "[]",
  "{}",
  '""',
  `"${"x".repeat(5000)}"`,
  '"%"',
  '"%25"',
  '"\\u0000"',
  '"2000 1000 0001"',
  '"2026-13-45"',
  '"<script>"',
  '"../../etc/passwd"',
  '["a",1,null]',
  '{"__proto__":{"x":1}}',
];
const fieldNames = [
  "number",
  "handle",
  "email",
  "password",
  "displayName",
  "to",
  "kind",
  "text",
  "name",
  "slug",
  "status",
  "id",
  "memberId",
  "callId",
  "reason",
  "quantity",
  "price",
  "priceCents",
  "items",
  "productId",
  "video",
  "length",
  "media",
  "offset",
  "birthDate",
  "city",
  "interests",
  "listed",
  "action",
  "version",
  "signature",
  "digits",
  "pattern",
  "word",
  "categoryId",
  "role",
  "available",
  "camera",
  "title",
  "description",
  "blocked",
  "seconds",
  "greeting",
  "endsAt",
];

type Body = { contentType?: string; body?: string | Uint8Array; label: string };

const fixedBodies: Body[] = [
  { label: "none" },
  { label: "truncated", contentType: "application/json", body: '{"number":"2000' },
  { label: "empty json", contentType: "application/json", body: "" },
  {
    label: "lone surrogate everywhere",
    contentType: "application/json",
    body: `{${fieldNames.map((f) => `"${f}":"${LONE_SURROGATE}"`).join(",")}}`,
  },
  { label: "lone surrogate key", contentType: "application/json", body: `{"${LONE_SURROGATE}":1}` },
  { label: "deep nesting", contentType: "application/json", body: "[".repeat(5000) + "]".repeat(5000) },
  { label: "deep object", contentType: "application/json", body: '{"a":'.repeat(3000) + "1" + "}".repeat(3000) },
  {
    label: "invalid utf-8",
    contentType: "application/json",
    body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  { label: "json in text/plain", contentType: "text/plain; application/json", body: '{"number":"200010000001"}' },
  { label: "utf-16 json", contentType: "application/json; charset=utf-16", body: '{"a":1}' },
  { label: "multipart without boundary", contentType: "multipart/form-data", body: "garbage" },
  {
    label: "multipart bad",
    contentType: "multipart/form-data; boundary=x",
    body: '--x\r\nContent-Disposition: form-data; name="photo"; filename="%"\r\n\r\n\xff\r\n--',
  },
  {
    label: "form bad encoding",
    contentType: "application/x-www-form-urlencoded",
    body: "identifier=%&password=%E0%A4%A&csrfToken=%ED%A0%80&json=true",
  },
  { label: "octets", contentType: "application/offset+octet-stream", body: new Uint8Array([0, 1, 2, 3]) },
  { label: "number", contentType: "application/json", body: "12" },
  { label: "string", contentType: "application/json", body: '"x"' },
];

const methodArb = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND");
const jsonValueArb = fc.constantFrom(...badScalars);
const objectBodyArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...fieldNames), jsonValueArb), { minLength: 1, maxLength: 8, selector: ([k]) => k })
  .map((pairs) => `{${pairs.map(([k, v]) => `"${k}":${v}`).join(",")}}`);
const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  fc.constantFrom(...fixedBodies),
  objectBodyArb.map((body) => ({ label: "object", contentType: "application/json", body })),
  fc
    .tuple(objectBodyArb, fc.nat({ max: 40 }))
    .map(([b, cut]) => ({ label: "cut object", contentType: "application/json", body: b.slice(0, Math.max(1, b.length - cut)) })),
  fc
    .tuple(
      objectBodyArb,
      fc.constantFrom(
        "text/plain",
        "application/jsonx",
        "application/json-patch+json",
        "APPLICATION/JSON",
        "application/json ; charset=utf-8",
        "x/y; application/json",
      ),
    )
    .map(([body, contentType]) => ({ label: `object as ${contentType}`, contentType, body })),
);
const queryArb = fc.constantFrom(
  "",
  "",
  "?q=%",
  "?q=%ED%A0%80",
  "?limit=-1",
  "?limit=1e309",
  "?page=99999999999999999999",
  "?q=" + "a".repeat(2000),
  "?digits=%25",
  "?status=%00",
);
const headersArb = fc.constantFrom<Record<string, string>>(
  {},
  {},
  { "upload-offset": "-1", "upload-token": "%" },
  { "upload-offset": "99999999999999999999", "upload-token": "x" },
  { range: "bytes=9999999999-1" },
  { range: "bytes=%" },
  { authorization: "Bearer %ED%A0%80" },
  { "sec-fetch-site": "same-origin" },
);

function segmentArb(pattern: string): fc.Arbitrary<string> {
  const one = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...badSegments) },
    { weight: 1, arbitrary: fc.constantFrom(...plainSegments) },
  );
  if (pattern.startsWith("[...") || pattern.startsWith("[[..."))
    return fc.array(one, { minLength: 1, maxLength: 3 }).map((a) => a.join("/"));
  if (pattern.startsWith("[")) return one;
  return fc.constant(pattern);
}

function pathArb(route: RouteEntry): fc.Arbitrary<string> {
  return fc.tuple(...route.segments.map(segmentArb)).map((parts) => "/" + parts.join("/"));
}

type Probe = { method: string; path: string; body: Body; headers: Record<string, string> };

const routeArb = fc.constantFrom(...routes, { segments: ["api", "no-such-thing", "[x]"], methods: [], file: "(unknown)" });
const probeArb: fc.Arbitrary<Probe> = routeArb.chain((r) =>
  fc.record({
    // Mostly the methods the route exports (so the body reaches its checks), sometimes any other.
    method: r.methods.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...r.methods) }, { weight: 1, arbitrary: methodArb })
      : methodArb,
    path: fc.tuple(pathArb(r), queryArb).map(([p, q]) => p + q),
    body: bodyArb,
    headers: headersArb,
  }),
);

/** Every route, every method it exports and one it does not, with "%" in each dynamic segment and in none. */
function fixedProbes(): Probe[] {
  const out: Probe[] = [];
  for (const r of routes) {
    const plain = "/" + r.segments.map((s) => (s.startsWith("[") ? "1" : s)).join("/");
    const broken = "/" + r.segments.map((s) => (s.startsWith("[") ? "%" : s)).join("/");
    const odd = ["PUT", "PATCH", "DELETE", "POST", "GET"].find((m) => !r.methods.includes(m)) ?? "PROPFIND";
    for (const method of [...r.methods, odd]) {
      out.push({ method, path: plain, body: fixedBodies[3]!, headers: {} });
      if (broken !== plain) out.push({ method, path: broken, body: fixedBodies[0]!, headers: {} });
    }
  }
  out.push({ method: "GET", path: "/api/resolve/%25", body: fixedBodies[0]!, headers: {} });
  out.push({ method: "GET", path: "/api/nothing-here", body: fixedBodies[0]!, headers: {} });
  return out;
}

type Outcome = { probe: Probe; status: number; problem: string | null };

async function send(probe: Probe, cookie: string | null): Promise<Outcome> {
  const headers: Record<string, string> = { ...probe.headers };
  if (probe.body.contentType) headers["content-type"] = probe.body.contentType;
  if (cookie) headers.cookie = cookie;
  const hasBody = probe.body.body !== undefined && probe.method !== "GET" && probe.method !== "HEAD";
  const res = await api(probe.path, {
    method: probe.method,
    headers,
    body: hasBody ? (probe.body.body as BodyInit) : undefined,
    ip: newAddress(),
  });
  let problem: string | null = null;
  const bodyless = probe.method === "HEAD" || res.status === 204 || res.status === 304;
  if (res.status >= 500) problem = "5xx";
  else if (res.status >= 400 && !bodyless) {
    const b = res.body as { error?: { code?: unknown; message?: unknown } } | null;
    const isJson = /^application\/json\b/i.test(res.headers.get("content-type") ?? "");
    if (!isJson || typeof b?.error?.code !== "string" || typeof b.error.message !== "string") problem = "non-JSON 4xx";
    else if (res.status === 405 && !res.headers.get("allow")) problem = "405 without Allow";
  }
  return { probe, status: res.status, problem };
}

async function sendAll(probes: Probe[], cookie: string | null): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < probes.length) {
        const p = probes[next++]!;
        out.push(await send(p, cookie));
      }
    }),
  );
  return out;
}

describe("bad-input sweep", () => {
  it("finds the routes from the file tree", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.find((r) => r.segments.join("/") === "api/auth/[...nextauth]")?.methods).toEqual(["GET", "POST"]);
  });

  it("answers every malformed request with a JSON 4xx, signed out and signed in", { timeout: 180_000 }, async () => {
    const p = person();
    const reg = await api("/api/register", { method: "POST", json: p });
    expect(reg.status).toBe(201);
    const { cookie } = await signIn(p.email, p.password);
    expect(cookie).not.toBeNull();

    const outcomes: Outcome[] = [];
    for (const [who, c, seed] of [
      ["signed out", null, SEED],
      ["signed in", cookie, SEED + 1],
    ] as const) {
      const probes = [...fixedProbes(), ...fc.sample(probeArb, { seed, numRuns: RANDOM_PER_IDENTITY })];
      const results = await sendAll(probes, c);
      outcomes.push(...results);
      const count = (k: string) => results.filter((o) => o.problem === k).length;
      const statuses: Record<number, number> = {};
      for (const o of results) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
      console.log(
        `bad-input sweep (${who}): ${results.length} requests, ${count("5xx")} 5xx, ${count("non-JSON 4xx")} non-JSON 4xx, ${count("405 without Allow")} 405 without Allow; statuses ${JSON.stringify(statuses)}`,
      );
    }
    const failures = outcomes.filter((o) => o.problem);
    const summary = failures.slice(0, 40).map((o) => `${o.problem}: ${o.status} ${o.probe.method} ${o.probe.path} [${o.probe.body.label}]`);
    console.log(`bad-input sweep: ${outcomes.length} requests in all, ${failures.length} failures against ${inject("baseUrl")}`);
    expect(summary).toEqual([]);
  });
});
