import { describe, expect, it, vi } from "vitest";
import { EMAIL_LIKE, isResolvableAddress, MAX_ADDRESS_LENGTH, NUMBER_LIKE } from "./address-patterns";

/**
 * No timing here (a timed assertion flakes on a busy machine). Linearity is
 * checked on the pattern's structure instead: a repeated character class
 * followed by a literal delimiter must not contain that delimiter, otherwise
 * the engine can split the input in many ways and a failing match retries
 * them all (the old /^[^/@\s]+@[^/@\s]+\.[^/@\s]+$/ was quadratic because
 * its domain class held "."). And hostile long input is refused by the length
 * cap before the pattern runs at all.
 */
function quantifiedClassesBeforeLiterals(source: string): { cls: string; next: string }[] {
  const tokens = source.match(/\[[^\]]*\]|\\.|\(\?:|\)[+*]?|[+*]|./g) ?? [];
  const literal = (t: string) => (t.startsWith("\\") ? t.slice(1) : /^[^[()+*?$^|]$/.test(t) ? t : null);
  const out: { cls: string; next: string }[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!tokens[i]!.startsWith("[") || !/^[+*]$/.test(tokens[i + 1]!)) continue;
    for (let j = i + 2; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t === "(?:" || t === ")") continue;
      if (t === ")+" || t === ")*") {
        // A repeated group: what can follow is also the group's own first literal.
        let depth = 0;
        for (let k = j - 1; k >= 0; k--) {
          if (tokens[k]!.startsWith(")")) depth++;
          else if (tokens[k] === "(?:" && depth-- === 0) {
            const first = literal(tokens[k + 1]!);
            if (first) out.push({ cls: tokens[i]!, next: first });
            break;
          }
        }
        continue;
      }
      const l = literal(t);
      if (l) out.push({ cls: tokens[i]!, next: l });
      break;
    }
  }
  return out;
}

describe("address patterns", () => {
  it("has no repeated class that can also match the delimiter after it", () => {
    const pairs = quantifiedClassesBeforeLiterals(EMAIL_LIKE.source);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const { cls, next } of pairs) expect(new RegExp(`^${cls}$`).test(next), `${cls} followed by ${next}`).toBe(false);
    // The check itself catches the old, quadratic pattern.
    const old = quantifiedClassesBeforeLiterals(/^[^/@\s]+@[^/@\s]+\.[^/@\s]+$/.source);
    expect(old.some(({ cls, next }) => new RegExp(`^${cls}$`).test(next))).toBe(true);
  });

  it("refuses a 100k-character hostile input by its length, without running the pattern", () => {
    const spy = vi.spyOn(EMAIL_LIKE, "test");
    expect(isResolvableAddress("a@" + "a.".repeat(50_000))).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(isResolvableAddress("a".repeat(MAX_ADDRESS_LENGTH - 9) + "@x.example")).toBe(false);
  });

  it("still recognises numbers and addresses", () => {
    for (const ok of ["ada@example.com", "a.b+c@mail.example.co.uk", "2000 1000 0001", "2000-1000-0001", "200010000001"])
      expect(isResolvableAddress(ok), ok).toBe(true);
    for (const no of ["ada", "ada@", "@x.com", "a@b", "a@b.", "a@.b", "a@b..c", "a b@c.d", "1000 1000 0001"])
      expect(isResolvableAddress(no), no).toBe(false);
    expect(NUMBER_LIKE.test("2000 1000 0001")).toBe(true);
  });

  it("recognises a spelled number that starts with a digit, never a handle (handles start with a letter)", () => {
    for (const ok of ["2222 222 PIZZA", "2222222pizza", "5550-00-ROWING"]) expect(isResolvableAddress(ok), ok).toBe(true);
    for (const no of ["bruno", "alfama-rowing", "PIZZA", "BRUNOBAR0000"]) expect(isResolvableAddress(no), no).toBe(false);
  });
});
