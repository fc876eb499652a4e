/**
 * SQLite takes at most 999 parameters in a statement (as Prisma drives it), and Prisma splits a long
 * `in: [...]` only when it is the query's one list: queries that pair a list with another filter, or
 * use two lists, fail past that with "query parameter limit exceeded". Entry points that may be
 * given hundreds of ids (a group's page, a watch of 2,000) run per part of this size and merge.
 */
export const IN_PART = 400;

export function parts<T>(xs: T[], size = IN_PART): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Runs `fn` on each part of `ids`, one after another (a big watch does not take every connection at once), and merges the maps. */
export async function mapInParts<K, V>(ids: string[], fn: (part: string[]) => Promise<Map<K, V>>): Promise<Map<K, V>> {
  if (ids.length <= IN_PART) return fn(ids);
  const out = new Map<K, V>();
  for (const part of parts(ids)) for (const [k, v] of await fn(part)) out.set(k, v);
  return out;
}

/** The same for functions that return records. */
export async function recordInParts<V>(ids: string[], fn: (part: string[]) => Promise<Record<string, V>>): Promise<Record<string, V>> {
  if (ids.length <= IN_PART) return fn(ids);
  const out: Record<string, V> = {};
  for (const part of parts(ids)) Object.assign(out, await fn(part));
  return out;
}
