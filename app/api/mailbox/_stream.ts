import "server-only";
import { DomainError } from "@/lib/errors";
import { parseRange, RangeNotSatisfiable } from "@/lib/http/range";
import { storage } from "@/lib/storage";

/** A stored file as an HTTP response that honours Range, so players can seek. */
export async function streamFile(
  req: Request,
  file: { key: string; mime: string; name?: string },
  opts: { download?: boolean; cache?: string } = {},
): Promise<Response> {
  const size = await storage().size(file.key);
  if (size === null) throw new DomainError("NOT_FOUND", "The file is missing.");
  const headers: Record<string, string> = {
    "content-type": file.mime,
    "accept-ranges": "bytes",
    "cache-control": opts.cache ?? "private, max-age=3600",
    "x-content-type-options": "nosniff",
  };
  if (opts.download && file.name) headers["content-disposition"] = `attachment; filename="${file.name}"`;
  let range;
  try {
    range = parseRange(req.headers.get("range"), size);
  } catch (err) {
    if (err instanceof RangeNotSatisfiable)
      return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
    throw err;
  }
  if (size === 0) return new Response(null, { headers: { ...headers, "content-length": "0" } });
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers["content-length"] = String(end - start + 1);
  if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
  return new Response(storage().stream(file.key, { start, end }), { status: range ? 206 : 200, headers });
}
