import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { env } from "../env";
import { DomainError } from "../errors";
import { counterStore } from "../http/counter-store";
import { addressKey, RateLimiter } from "../http/rate-limit";
import { isHttps } from "../http/security-headers";
import { readKnownDevice } from "./known-device";
import { assertNotLockedOut, recordSignInFailure, recordSignInSuccess, signInIdentifierKey } from "./sign-in-throttle";
import { accountIdFor, verifyCredentials } from "./verify-credentials";

let signInLimiter: RateLimiter | undefined;

function firstHeader(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/** What the sign-in route knows of the request: the known-device cookie, and whom to tell of a success (to renew it). */
export type SignInContext = { knownDevice?: string; onSignedIn?: (memberId: string) => void };

/** next-auth configuration: credentials (email or number + password), JWT sessions. */
export function authOptions(ctx: SignInContext = {}): AuthOptions {
  const e = env();
  signInLimiter ??= new RateLimiter(counterStore(), "signin", e.RATE_LIMIT_AUTH_PER_MINUTE, 60_000, "sign-in attempts");
  const limits = { perAddress: e.SIGN_IN_FAILURES_BEFORE_LOCKOUT, perAccount: e.SIGN_IN_ACCOUNT_FAILURES_BEFORE_LOCKOUT };
  return {
    secret: e.AUTH_SECRET,
    // Secure (and __Secure- prefixed) session cookies when the portal is served over https.
    useSecureCookies: isHttps(e.PUBLIC_URL),
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600, updateAge: 24 * 3600 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email or number",
        credentials: { identifier: { label: "Email or number", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const address = addressKey(firstHeader(req?.headers, "x-forwarded-for")?.split(",")[0]?.trim() || "unknown");
          const client = await db();
          const store = counterStore();
          const typed = credentials?.identifier ?? "";
          try {
            await signInLimiter!.hit(address);
            // Only a valid cookie costs a look-up, and it only tells its holder about their own account.
            const device = readKnownDevice(e.AUTH_SECRET, ctx.knownDevice);
            const known = device && (await accountIdFor(client, typed)) === device.memberId ? device.deviceId : null;
            const attempt = { identifier: signInIdentifierKey(typed), address, device: known };
            await assertNotLockedOut(store, attempt, limits);
            const member = await verifyCredentials(client, typed, credentials?.password ?? "");
            if (!member) {
              await recordSignInFailure(store, attempt, limits);
              return null;
            }
            await recordSignInSuccess(store, attempt, limits);
            ctx.onSignedIn?.(member.id);
            return { id: member.id, name: member.displayName };
          } catch (err) {
            // next-auth passes the message to the client as the sign-in error.
            if (err instanceof DomainError) throw new Error(err.message, { cause: err });
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.memberId = user.id;
        return token;
      },
      session({ session, token }) {
        if (typeof token.memberId === "string") session.memberId = token.memberId;
        return session;
      },
    },
  };
}
