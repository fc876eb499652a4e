import type { Db } from "../../lib/db/client";
import { mapInParts } from "../../lib/db/in-parts";
import { type ConnectionRegistry, MAX_WATCHED } from "../../lib/presence/registry";
import type { PublicStatus } from "../../lib/presence/status";
import { type Detail, detailFor, STRANGER, visibleStatus } from "../../lib/presence/visibility";
import { loadVisibility, relationsFrom, relationsTo } from "../../lib/presence/visibility-store";

/**
 * Who may watch whom, decided here at the server: the members' visibility rules
 * (lib/presence/visibility.ts) set each watch's detail when it opens and again when the rules
 * change. Statuses come from the node's status table (`statusesOf`), never from a read-back.
 */
export class Watches {
  constructor(
    private readonly db: Db,
    private readonly registry: ConnectionRegistry,
    private readonly statusesOf: (memberIds: string[]) => Promise<Map<string, PublicStatus>>,
    private readonly sendTo: (sid: string, memberId: string, status: PublicStatus) => void,
  ) {}

  /**
   * Starts watching and answers the current statuses, each as this watcher may see it. A member the
   * watcher may not see is answered offline and watched at "none": nothing reaches the socket unless
   * their rules change to let it see them. Unlisted members chose to stay out of the directory: to an
   * anonymous socket (a guest) they are as a member who does not exist.
   */
  async watchFor(connId: string, watcherId: string | null, ids: string[]): Promise<Record<string, PublicStatus>> {
    const wanted = [...new Set(ids)].slice(0, MAX_WATCHED);
    const details = await this.detailsFor(watcherId, wanted);
    const kept = this.registry.watch(connId, [...details.keys()], (id) => details.get(id) ?? "none");
    const statuses = await this.statusesOf(kept);
    const out: Record<string, PublicStatus> = Object.fromEntries(ids.map((id) => [id, "offline" as PublicStatus]));
    for (const id of kept) {
      out[id] = visibleStatus(statuses.get(id) ?? "offline", details.get(id) ?? "none");
      this.registry.answered(connId, id, out[id]);
    }
    return out;
  }

  /** A member's rules changed: each watching socket here gets its new detail, and the status it now may see. */
  async redecide(memberId: string): Promise<void> {
    const byWatcher = new Map<string | null, string[]>();
    for (const sid of this.registry.watchersOf(memberId)) {
      const w = this.registry.get(sid)?.memberId ?? null;
      byWatcher.set(w, [...(byWatcher.get(w) ?? []), sid]);
    }
    if (!byWatcher.size) return;
    // All of this member's watchers on this node in one set of queries, however many there are.
    const [settings, relations, owner] = await Promise.all([
      loadVisibility(this.db, [memberId]),
      relationsFrom(this.db, memberId, [...byWatcher.keys()]),
      this.db.member.findUnique({ where: { id: memberId }, select: { listed: true } }),
    ]);
    const s = settings.get(memberId);
    const status = (await this.statusesOf([memberId])).get(memberId) ?? "offline";
    for (const [watcherId, sids] of byWatcher) {
      // As at watch time: to a guest, an unlisted member is as one who does not exist.
      const detail = !s || (!watcherId && !owner?.listed) ? "none" : detailFor(s, relations.get(watcherId) ?? STRANGER);
      for (const sid of sids) {
        this.registry.setDetail(sid, memberId, detail);
        const seen = this.registry.statusFor(sid, memberId, status);
        if (seen !== null) this.sendTo(sid, memberId, seen);
      }
    }
  }

  /** What one watcher (null: a guest) may see of each member: the rules, decided here at the server. */
  private detailsFor(watcherId: string | null, memberIds: string[]): Promise<Map<string, Detail | "none">> {
    return mapInParts(memberIds, (part) => this.detailsOfPart(watcherId, part));
  }

  private async detailsOfPart(watcherId: string | null, memberIds: string[]): Promise<Map<string, Detail | "none">> {
    const [settings, relations, listed] = await Promise.all([
      loadVisibility(this.db, memberIds),
      relationsTo(this.db, memberIds, watcherId),
      watcherId ? null : this.db.member.findMany({ where: { id: { in: memberIds }, listed: true }, select: { id: true } }),
    ]);
    const listedIds = listed ? new Set(listed.map((m) => m.id)) : null;
    const out = new Map<string, Detail | "none">();
    for (const id of memberIds) {
      const s = settings.get(id);
      if (!s) continue;
      out.set(id, listedIds && !listedIds.has(id) ? "none" : detailFor(s, relations.get(id) ?? STRANGER));
    }
    return out;
  }
}
