import type { APIRequestContext, BrowserContext } from "@playwright/test";

/** An address of its own for one request, as if from another person's connection (limits count per address). */
const ownAddress = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Registers a fresh member through the API; returns what a test needs to sign in. */
export async function registerMember(request: APIRequestContext, overrides: Record<string, unknown> = {}) {
  const id = Math.random().toString(36).slice(2, 8);
  const person = {
    displayName: `Pat ${id}`,
    handle: `pat-${id}`,
    email: `pat-${id}@example.test`,
    password: "e2e password 123",
    birthDate: "1990-01-01",
    city: "Lisbon",
    interests: ["e2e"],
    listed: true,
    ...overrides,
  };
  const res = await request.post("/api/register", {
    data: person,
    headers: { "x-forwarded-for": ownAddress() },
  });
  if (res.status() !== 201) throw new Error(`register failed: ${res.status()} ${await res.text()}`);
  const { member } = (await res.json()) as { member: { id: string; handle: string; number: string } };
  return { ...person, ...member };
}

/** Signs a browser context in through next-auth's credentials endpoint (not the UI). */
export async function signInContext(context: BrowserContext, identifier: string, password: string) {
  const req = context.request;
  const { csrfToken } = (await (await req.get("/api/auth/csrf")).json()) as { csrfToken: string };
  // Each sign-in from its own address, as people on their own connections: without one, every spec's
  // sign-ins shared the address "unknown" and its 20 a minute (RATE_LIMIT_AUTH_PER_MINUTE), which a
  // fast run went over (a 401 in messages.spec on SQLite, 2026-12-04).
  const res = await req.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier, password, json: "true" },
    headers: { "x-forwarded-for": ownAddress() },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  const session = (await (await req.get("/api/auth/session")).json()) as { memberId?: string };
  if (!session.memberId) throw new Error("sign-in did not create a session");
}
