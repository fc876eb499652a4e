import { DomainError } from "../errors";

/**
 * The byte range a request asks for, for a file of `size` bytes: null for the whole file. One range
 * only (what media elements send); anything unsatisfiable is refused.
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) throw new DomainError("BAD_REQUEST", "Only one byte range (bytes=start-end) can be asked for.");
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) throw new RangeNotSatisfiable(size);
  return { start, end };
}

export class RangeNotSatisfiable extends Error {
  constructor(readonly size: number) {
    super("range not satisfiable");
  }
}
