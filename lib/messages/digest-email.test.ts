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
      { read: "https://portal.test/messages", off: "https://portal.test/messages/digest-off?m=1&t=2" },
    );
    expect(mail.subject).toBe("6 unread messages from Ben, Cy and 1 more");
    expect(mail.text).toContain("Ben (4 unread):\n  “are you there?”\n  “" + "x".repeat(139) + "…”\n  …and 2 more");
    expect(mail.text).toContain("Read and answer: https://portal.test/messages");
    expect(mail.text).toContain("Stop these emails: https://portal.test/messages/digest-off?m=1&t=2");
  });

  it("the off link's token is the member's own and cannot be made without the secret", () => {
    const t = digestOffToken("s".repeat(32), "member-1");
    expect(checkDigestOffToken("s".repeat(32), "member-1", t)).toBe(true);
    expect(checkDigestOffToken("s".repeat(32), "member-2", t)).toBe(false);
    expect(checkDigestOffToken("t".repeat(32), "member-1", t)).toBe(false);
    expect(checkDigestOffToken("s".repeat(32), "member-1", "short")).toBe(false);
  });
});
