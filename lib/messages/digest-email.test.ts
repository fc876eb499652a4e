import { describe, expect, it } from "vitest";
import { checkDigestOffToken, digestOffToken } from "./digest-link";
import { digestEmail } from "./digest-email";

describe("the unread digest", () => {
  it("says who wrote and how much, quotes the latest lines, and carries both links", () => {
    const mail = digestEmail(
      { email: "ada@example.test", displayName: "Ada" },
      [
        { name: "Ben", count: 4, latest: ["are you there?", "x".repeat(200)] },
        { name: "Cy", count: 1, latest: ["lunch?"] },
        { name: "Dee", count: 1, latest: ["hi"] },
      ],
      [],
      { read: "https://portal.test/messages", calls: "https://portal.test/calls", off: "https://portal.test/messages/digest-off?m=1&t=2" },
    );
    expect(mail.subject).toBe("6 unread messages from Ben, Cy and 1 more");
    expect(mail.text).toContain("Ben (4 unread):\n  “are you there?”\n  “" + "x".repeat(139) + "…”\n  …and 2 more");
    expect(mail.text).toContain("Read and answer: https://portal.test/messages");
    expect(mail.text).toContain("Stop these emails: https://portal.test/messages/digest-off?m=1&t=2");
    expect(mail.text).not.toContain("Missed calls");
  });

  it("lists missed calls by caller, alone or with messages", () => {
    const links = { read: "https://portal.test/messages", calls: "https://portal.test/calls", off: "https://portal.test/off" };
    const calls = digestEmail(
      { email: "ada@example.test", displayName: "Ada" },
      [],
      [
        { name: "Ben", count: 2 },
        { name: "Cy", count: 1 },
      ],
      links,
    );
    expect(calls.subject).toBe("3 missed calls from Ben and Cy");
    expect(calls.text).toContain("Missed calls:\n  Ben (2 calls)\n  Cy\n\nCall back: https://portal.test/calls");
    expect(calls.text).not.toContain("Read and answer");
    const both = digestEmail(
      { email: "ada@example.test", displayName: "Ada" },
      [{ name: "Ben", count: 1, latest: ["hi"] }],
      [{ name: "Cy", count: 1 }],
      links,
    );
    expect(both.subject).toBe("1 unread message and 1 missed call");
    expect(both.text).toContain("Read and answer: https://portal.test/messages");
    expect(both.text).toContain("Call back: https://portal.test/calls");
  });

  it("the off link's token is the member's own and cannot be made without the secret", () => {
    const t = digestOffToken("s".repeat(32), "member-1");
    expect(checkDigestOffToken("s".repeat(32), "member-1", t)).toBe(true);
    expect(checkDigestOffToken("s".repeat(32), "member-2", t)).toBe(false);
    expect(checkDigestOffToken("t".repeat(32), "member-1", t)).toBe(false);
    expect(checkDigestOffToken("s".repeat(32), "member-1", "short")).toBe(false);
  });
});
