import { inject } from "vitest";
import { setEnvForTests } from "../../lib/env";

// Random start: test files share one server and one minute of rate-limit windows.
let n = Math.floor(Math.random() * 0xfff000);
/** A distinct client address per simulated person (the test stack trusts x-forwarded-for). */
export function newAddress(): string {
  n++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type ApiResult<T = unknown> = { status: number; body: T; headers: Headers };

export async function api<T = Record<string, unknown>>(
  path: string,
  init: RequestInit & { ip?: string; json?: unknown } = {},
): Promise<ApiResult<T>> {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", init.ip ?? newAddress());
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(inject("baseUrl") + path, { ...init, headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Points lib/db at the stack's database, for assertions on what was stored. */
export function useStackDatabase(): void {
  setEnvForTests({ DATABASE_URL: inject("databaseUrl") });
}

export function uniqueWord(prefix = ""): string {
  const letters = "ABCDEFGHJKLMNPRSTUVWXY";
  let w = prefix;
  for (let i = 0; i < 6; i++) w += letters[Math.floor(Math.random() * letters.length)];
  return w;
}

export function person(overrides: Record<string, unknown> = {}) {
  const id = Math.random().toString(36).slice(2, 10);
  return {
    displayName: `Test Person ${id}`,
    handle: `t-${id}`,
    email: `t-${id}@example.test`,
    password: "correct horse battery",
    birthDate: "1990-06-15",
    city: "Testville",
    interests: ["testing"],
    listed: true,
    ...overrides,
  };
}

/**
 * Signs in through next-auth's real credentials flow; returns the session cookie (or null) and the
 * known-device cookie the portal sets on success. `cookie` is sent along (a known-device cookie).
 */
export async function signIn(identifier: string, password: string, ip = newAddress(), cookie?: string) {
  const csrf = await api<{ csrfToken: string }>("/api/auth/csrf", { ip });
  const sent = [...(csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]), ...(cookie ? [cookie] : [])].join("; ");
  const res = await api("/api/auth/callback/credentials", {
    method: "POST",
    ip,
    headers: { cookie: sent, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.body.csrfToken, identifier, password, json: "true" }).toString(),
  });
  const set = res.headers.getSetCookie?.() ?? [];
  const session = set.find((c) => c.startsWith("next-auth.session-token="));
  const device = set.find((c) => c.startsWith("portal_device="));
  return {
    res,
    cookie: session ? session.split(";")[0]! : null,
    device: device ? device.split(";")[0]! : null,
    deviceSetCookie: device ?? null,
  };
}

/** A new member, registered and signed in through the real routes: their id, handle, number and session cookie. */
export async function signedInMember(overrides: Record<string, unknown> = {}) {
  const p = person(overrides);
  const r = await api<{ member: { id: string; handle: string; number: string } }>("/api/register", { method: "POST", json: p });
  if (r.status !== 201) throw new Error(`register: ${r.status}`);
  const { cookie } = await signIn(p.email as string, p.password as string);
  if (!cookie) throw new Error("sign-in refused");
  return { ...r.body.member, cookie };
}
