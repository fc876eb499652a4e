import type { Db } from "../../db/client";
import { isUniqueViolationOn } from "../../db/unique-violation";
import { DomainError } from "../../errors";
import { forgetAwayReplies } from "../../messages/away-reply";
import { formatNumber } from "../../numbers/format";
import { inGroup } from "./hunt-group";
import { loadRuleDoc } from "./load-facts";
import type { RuleDoc } from "./rules";

export type RulesView = { doc: RuleDoc; version: number };

export async function getRules(db: Db, memberId: string): Promise<RulesView> {
  return loadRuleDoc(db, memberId);
}

/** Every number a document forwards to, each once. */
function forwardTargets(doc: RuleDoc): string[] {
  const out = new Set<string>();
  for (const r of doc.rules) {
    if (r.then.type === "forward") out.add(r.then.to);
    if (r.then.type === "ring" && r.then.otherwise.type === "forward") out.add(r.then.otherwise.to);
  }
  return [...out];
}

/** Forwards go to another member's number or a group's the member is in; a wrong one is refused when saving, not found out on a call. */
async function checkTargets(db: Db, memberId: string, doc: RuleDoc): Promise<void> {
  for (const digits of forwardTargets(doc)) {
    const n = await db.phoneNumber.findUnique({ where: { digits }, select: { memberId: true, groupId: true } });
    const shown = formatNumber(digits);
    // A group's members are rung in turn (hunt-group.ts): only its own members may send calls there.
    if (n?.groupId) {
      if (await inGroup(db, n.groupId, memberId)) continue;
      throw new DomainError(
        "VALIDATION_FAILED",
        `${shown} is the number of a group you are not in: only its members can forward calls to it.`,
      );
    }
    if (!n?.memberId) throw new DomainError("VALIDATION_FAILED", `No member has the number ${shown}.`);
    if (n.memberId === memberId) throw new DomainError("VALIDATION_FAILED", `${shown} is your own number.`);
  }
}

/** Rules may name only the member's own contact groups. */
async function checkGroups(db: Db, memberId: string, doc: RuleDoc): Promise<void> {
  const ids = new Set(doc.rules.flatMap((r) => r.when.callers.flatMap((c) => (c.type === "group" ? [c.groupId] : []))));
  if (ids.size === 0) return;
  const own = await db.contactGroup.count({ where: { ownerId: memberId, id: { in: [...ids] } } });
  if (own !== ids.size) throw new DomainError("VALIDATION_FAILED", "A rule names a contact group that is not yours (or was deleted).");
}

/**
 * Replaces the member's rules. `version` is the one the editor started from: a save made meanwhile on
 * another device is refused (409, with the current document) rather than silently overwritten.
 */
export async function saveRules(db: Db, input: { memberId: string; doc: RuleDoc; version: number }): Promise<RulesView> {
  const saved = await store(db, input);
  forgetAwayReplies();
  return saved;
}

async function store(db: Db, input: { memberId: string; doc: RuleDoc; version: number }): Promise<RulesView> {
  const { memberId, doc, version } = input;
  await checkTargets(db, memberId, doc);
  await checkGroups(db, memberId, doc);
  const json = JSON.stringify(doc);
  const stale = () =>
    loadRuleDoc(db, memberId).then((current) => new DomainError("CONFLICT", "Your rules were changed on another device.", { current }));
  if (version === 0) {
    try {
      await db.routingRules.create({ data: { memberId, doc: json, version: 1, awayReply: doc.awayReply } });
      return { doc, version: 1 };
    } catch (err) {
      // Only a row made meanwhile (another device's first save) is a conflict; anything else is not.
      if (!isUniqueViolationOn(err, "memberId")) throw err;
      throw await stale();
    }
  }
  const done = await db.routingRules.updateMany({
    where: { memberId, version },
    data: { doc: json, version: version + 1, awayReply: doc.awayReply },
  });
  if (done.count === 0) throw await stale();
  return { doc, version: version + 1 };
}
