import fs from "node:fs";
import path from "node:path";

/**
 * The API's routes as the file tree declares them: `app/api/**\/route.ts`, each
 * with the HTTP methods its module exports. The web server answers unknown
 * paths (404) and wrong methods (405 with Allow) from it before Next.js, whose
 * own answers are an HTML page and an empty body; the bad-input sweep walks it,
 * so a new route is covered without editing the test.
 */
export type RouteEntry = {
  /** URL path segments, dynamic ones as written in the folder name: ["api", "calls", "[id]"]. */
  segments: string[];
  methods: string[];
  /** The route.ts file, relative to the folder scanned. */
  file: string;
};

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The methods a route module exports (`export const GET`, `export async function POST`, `export { h as GET }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) found.add(name);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** Every route.ts under `appDir/api`, with its URL segments (route groups and private folders are not URL parts). */
export function scanRoutes(appDir: string): RouteEntry[] {
  const api = path.join(appDir, "api");
  return fs.existsSync(api) ? walkRoutes(appDir, api, ["api"]) : [];
}

/** Every route.ts outside `appDir/api` (route handlers at page paths, such as /go). */
export function scanPageRoutes(appDir: string): RouteEntry[] {
  return walkRoutes(appDir, appDir, [], path.join(appDir, "api"));
}

function walkRoutes(appDir: string, from: string, base: string[], skip?: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || path.join(dir, entry.name) === skip) continue;
        const isGroup = entry.name.startsWith("(") && entry.name.endsWith(")");
        walk(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]);
      } else if (entry.name === "route.ts" || entry.name === "route.js") {
        const file = path.join(dir, entry.name);
        out.push({ segments, methods: exportedMethods(fs.readFileSync(file, "utf8")), file: path.relative(appDir, file) });
      }
    }
  };
  walk(from, base);
  return out;
}

const isCatchAll = (s: string) => /^\[\[?\.\.\./.test(s);
const isOptionalCatchAll = (s: string) => s.startsWith("[[...");
const isDynamic = (s: string) => s.startsWith("[") && s.endsWith("]");

function matches(pattern: string[], parts: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (isCatchAll(p)) return parts.length > i || isOptionalCatchAll(p);
    if (i >= parts.length) return false;
    if (!isDynamic(p) && p !== parts[i]) return false;
  }
  return pattern.length === parts.length;
}

/** Static segments before dynamic ones before catch-alls, as Next.js ranks them. */
function rank(pattern: string[]): number[] {
  return pattern.map((p) => (isCatchAll(p) ? 2 : isDynamic(p) ? 1 : 0));
}

/** The route serving these (decoded) path segments, or null. */
export function matchRoute(routes: RouteEntry[], parts: string[]): RouteEntry | null {
  const candidates = routes.filter((r) => matches(r.segments, parts));
  candidates.sort((a, b) => {
    const ra = rank(a.segments);
    const rb = rank(b.segments);
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      const d = (ra[i] ?? -1) - (rb[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  });
  return candidates[0] ?? null;
}

/** The Allow header for a route: what it exports, plus what Next.js answers for it (HEAD with GET, OPTIONS). */
export function allowedMethods(route: RouteEntry): string[] {
  const set = new Set(route.methods);
  if (set.has("GET")) set.add("HEAD");
  set.add("OPTIONS");
  return HTTP_METHODS.filter((m) => set.has(m));
}
