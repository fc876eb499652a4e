import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { hasUnstorableText, jsonDepthExceeds, MAX_JSON_DEPTH, mediaType, readTextLimited, UNSTORABLE_TEXT } from "@/lib/http/read-body";
import { errorResponse } from "@/lib/http/respond";
import type { MemberProfile } from "@/lib/members/get-member";
import { currentMember, requireMember } from "./session";

/**
 * Declares who may call a route handler and what it accepts, then runs one
 * domain call. `access: "public"` is a deliberate choice (registration, number
 * look-ups): such routes carry a rate limit instead.
 */
type Spec<P, Q, B> = {
  access: "public" | "member";
  /** For public routes: also look up who is signed in, if anyone (costs a session decode and a query). */
  withMember?: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Called before anything else; throws RATE_LIMITED to refuse. */
  rateLimit?: (req: Request) => void | Promise<void>;
};

type Ctx<P, Q, B, A> = { req: Request; params: P; query: Q; body: B; member: A };

export function route<P = undefined, Q = undefined, B = undefined>(
  spec: Spec<P, Q, B> & { access: "member" },
  handler: (ctx: Ctx<P, Q, B, MemberProfile>) => Promise<Response>,
): (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
export function route<P = undefined, Q = undefined, B = undefined>(
  spec: Spec<P, Q, B> & { access: "public" },
  handler: (ctx: Ctx<P, Q, B, MemberProfile | null>) => Promise<Response>,
): (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function route<P, Q, B>(spec: Spec<P, Q, B>, handler: (ctx: Ctx<P, Q, B, any>) => Promise<Response>) {
  return async (req: Request, ctx: { params: Promise<unknown> }) => {
    try {
      await spec.rateLimit?.(req);
      const member = spec.access === "member" ? await requireMember() : spec.withMember ? await currentMember() : null;
      const rawParams = await ctx.params;
      const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
      if (hasUnstorableText(rawParams) || hasUnstorableText(rawQuery))
        throw new DomainError("BAD_REQUEST", `The address ${UNSTORABLE_TEXT}`);
      const params = spec.params ? spec.params.parse(rawParams) : (undefined as P);
      const query = spec.query ? spec.query.parse(rawQuery) : (undefined as Q);
      const body = spec.body ? spec.body.parse(await readJson(req)) : (undefined as B);
      return await handler({ req, params, query, body, member });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

const MAX_JSON_BYTES = 64 * 1024;

async function readJson(req: Request): Promise<unknown> {
  // The media type exactly: "text/plain; application/json" is a simple request a browser sends cross-site without a preflight.
  if (mediaType(req.headers.get("content-type")) !== "application/json") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (content-type: application/json)");
  }
  const text = await readTextLimited(req, MAX_JSON_BYTES);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw new DomainError("BAD_REQUEST", "The request body is nested too deeply");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError("BAD_REQUEST", "The request body is not valid JSON");
  }
  // JSON allows "\ud800" and "\u0000", strings no UTF-8 encoder or PostgreSQL takes: refuse them here, before anything is used up.
  if (hasUnstorableText(value)) throw new DomainError("BAD_REQUEST", `The request body ${UNSTORABLE_TEXT}`);
  return value;
}
