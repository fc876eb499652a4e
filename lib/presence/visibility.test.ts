import { describe, expect, it } from "vitest";
import type { PublicStatus } from "./status";
import { DEFAULT_VISIBILITY, detailFor, type Relation, STRANGER, statusSeenBy, type VisibilitySettings, visibleStatus } from "./visibility";

const settings = (over: Partial<VisibilitySettings> = {}): VisibilitySettings => ({ ...DEFAULT_VISIBILITY, ...over });
const contact = (groups: string[] = [], over: Partial<Relation> = {}): Relation => ({ ...STRANGER, contact: true, groups, ...over });
const STATUSES: PublicStatus[] = ["online", "away", "busy", "dnd", "offline"];

describe("who sees a member's presence", () => {
  it("by default everyone sees the full status, as before contacts existed", () => {
    for (const s of STATUSES) expect(statusSeenBy(s, DEFAULT_VISIBILITY, STRANGER)).toBe(s);
  });

  it("contacts only: strangers see offline, contacts see it all", () => {
    const only = settings({ audience: "contacts" });
    expect(statusSeenBy("busy", only, STRANGER)).toBe("offline");
    expect(statusSeenBy("busy", only, contact())).toBe("busy");
  });

  it("nobody: everyone sees offline, contacts included; the member still sees themself", () => {
    const nobody = settings({ audience: "nobody" });
    expect(statusSeenBy("online", nobody, contact())).toBe("offline");
    expect(statusSeenBy("dnd", nobody, { ...STRANGER, self: true })).toBe("dnd");
  });

  it("appear offline to, and a block, win over everything else", () => {
    const open = settings({ groupDetail: new Map([["family", "full"]]) });
    expect(statusSeenBy("online", open, contact(["family"], { blinded: true }))).toBe("offline");
    expect(statusSeenBy("online", open, contact(["family"], { blocked: true }))).toBe("offline");
    expect(statusSeenBy("online", open, { ...STRANGER, blinded: true })).toBe("offline");
  });

  it("basic detail shows only online or offline", () => {
    for (const s of ["online", "away", "busy", "dnd"] as const) expect(visibleStatus(s, "basic")).toBe("online");
    expect(visibleStatus("offline", "basic")).toBe("offline");
    expect(statusSeenBy("busy", settings({ everyoneDetail: "basic" }), STRANGER)).toBe("online");
  });

  it("per group: the most generous group the contact is in decides, then the contacts' default", () => {
    const s = settings({
      contactDetail: "basic",
      groupDetail: new Map([
        ["family", "full"],
        ["work", "basic"],
      ]),
    });
    expect(detailFor(s, contact(["work"]))).toBe("basic");
    expect(detailFor(s, contact(["family"]))).toBe("full");
    expect(detailFor(s, contact(["work", "family"]))).toBe("full");
    expect(detailFor(s, contact(["book-club"]))).toBe("basic");
    expect(detailFor(settings({ contactDetail: "full", groupDetail: new Map([["work", "basic"]]) }), contact(["work"]))).toBe("basic");
  });

  it("a group's detail never reaches someone who is not a contact, even if filed in the group", () => {
    const s = settings({ audience: "contacts", groupDetail: new Map([["family", "full"]]) });
    expect(detailFor(s, { ...STRANGER, groups: ["family"] })).toBe("none");
  });
});
