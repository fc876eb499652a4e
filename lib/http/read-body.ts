import { DomainError } from "../errors";

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the
 * limit is refused before anything is read; a chunked (or lying) body is read
 * piece by piece and abandoned as soon as it passes the limit, so a 32 MiB
 * stream costs the server the limit, not 32 MiB. `what` names the body in the
 * 413's message ("The photo").
 */
export async function readBodyLimited(req: Request, limit: number, what = "The request body"): Promise<Uint8Array> {
  const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", `${what} is larger than ${describeBytes(limit)}`, { limitBytes: limit });
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,16}$/.test(declared.trim())) throw new DomainError("BAD_REQUEST", "Content-Length is not a number of bytes");
    if (Number(declared) > limit) throw tooLarge();
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const pieces: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      throw new DomainError("BAD_REQUEST", `${what} could not be read to its end`);
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > limit) {
      // Stop reading: the web server closes the connection after a 413 sent early.
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    pieces.push(next.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The body as text, refusing bytes that are not UTF-8 (they would otherwise become U+FFFD silently). */
export async function readTextLimited(req: Request, limit: number, what = "The request body"): Promise<string> {
  const bytes = await readBodyLimited(req, limit, what);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError("BAD_REQUEST", `${what} is not valid UTF-8`);
  }
}

/**
 * A multipart or urlencoded form, limited while reading. The bytes are read
 * with the limit first and only then handed to the platform's form parser.
 */
export async function readFormLimited(req: Request, limit: number, what = "The form"): Promise<FormData> {
  const bytes = await readBodyLimited(req, limit, what);
  const type = req.headers.get("content-type") ?? "";
  try {
    return await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new DomainError("BAD_REQUEST", `${what} could not be read as multipart/form-data`);
  }
}

function describeBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} kB`;
  return `${n} bytes`;
}

/** The media type of a Content-Type header: what comes before ";", trimmed and lower-cased ("" when absent). */
export function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Text no database of ours stores: a lone surrogate (not UTF-16, no UTF-8 encoding) or NUL (PostgreSQL's text refuses it). */
const unstorable = (s: string) => !s.isWellFormed() || s.includes("\u0000");

/**
 * True when a parsed value (JSON, form fields, query or path parameters) holds a string, value or key,
 * that cannot be stored: a lone surrogate or a NUL character.
 */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (unstorable(v)) return true;
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (v && typeof v === "object") {
      for (const [k, inner] of Object.entries(v)) {
        if (unstorable(k)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

export const UNSTORABLE_TEXT = "contains text that cannot be stored (a NUL character or a lone surrogate)";

/** Deeper than this, a JSON body is refused: no form of ours nests more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of JSON text, counted without parsing (so a hostile body never reaches the parser's recursion). */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
