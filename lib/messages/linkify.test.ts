import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("links in messages", () => {
  it("makes http(s) and www. addresses links and leaves the rest as text", () => {
    expect(linkify("see https://example.com/a?b=1 and www.portal.test.")).toEqual([
      { text: "see " },
      { text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { text: " and " },
      { text: "www.portal.test", href: "https://www.portal.test" },
      { text: "." },
    ]);
  });

  it("never links another scheme, and keeps text that looks like markup as text", () => {
    expect(linkify("javascript:alert(1) <b>hi</b> data:text/html,x")).toEqual([{ text: "javascript:alert(1) <b>hi</b> data:text/html,x" }]);
    expect(linkify("http://localhost")).toEqual([{ text: "http://localhost" }]);
  });

  it("keeps a closing parenthesis only when the link opened one", () => {
    expect(linkify("(https://en.wikipedia.org/wiki/Foo_(bar))")).toEqual([
      { text: "(" },
      { text: "https://en.wikipedia.org/wiki/Foo_(bar)", href: "https://en.wikipedia.org/wiki/Foo_(bar)" },
      { text: ")" },
    ]);
  });
});
