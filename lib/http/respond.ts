import { z } from "zod";
import { DomainError, errorBody } from "../errors";

export function json(data: unknown, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", headers.get("cache-control") ?? "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}

/** The first problem of a zod error as one sentence, with the field it concerns. */
export function validationError(err: z.ZodError): DomainError {
  const first = err.issues[0];
  const field = first?.path.join(".") || undefined;
  const message = first ? (field ? `${field}: ${first.message}` : first.message) : "Invalid input";
  return new DomainError("VALIDATION_FAILED", message, {
    ...(field ? { field } : {}),
    issues: err.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
  });
}

/** Any thrown value to a JSON error response; unknown errors never leak their message. */
export function errorResponse(err: unknown): Response {
  if (err instanceof z.ZodError) err = validationError(err);
  if (err instanceof DomainError) {
    const headers: Record<string, string> = {};
    const retry = err.details?.retryAfterSeconds;
    if (typeof retry === "number") headers["retry-after"] = String(Math.ceil(retry));
    return json(errorBody(err), { status: err.status, headers });
  }
  console.error("unhandled error in route handler", err);
  return json({ error: { code: "INTERNAL", message: "Something went wrong on our side; please try again" } }, { status: 500 });
}
