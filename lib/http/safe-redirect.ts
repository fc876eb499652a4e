/**
 * Where to send someone after signing in: only a path on this site. "//evil",
 * "/\evil" (browsers read "\" as "/") and absolute URLs all resolve to another
 * origin and become "/"; so does anything with control characters, which
 * browsers strip before resolving.
 */
export function safeRedirectPath(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || /[\p{Cc}\\]/u.test(value)) return "/";
  const base = "http://portal.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  if (url.origin !== base) return "/";
  // Dot segments collapse while resolving ("/.//evil" → "//evil"): check what the browser will get.
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
