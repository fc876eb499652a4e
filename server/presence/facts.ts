import type { Db } from "../../lib/db/client";
import { loadPresenceFacts } from "../../lib/presence/load-facts";
import type { StatusTable, TableResult } from "../../lib/presence/status-table";

/**
 * Fills the status table's cache of members' facts (setting, in a call) from the database: only
 * members not cached, and all that are asked for within one turn of the event loop in one read.
 */
const REFRESH_CHUNK = 500;

export class FactsLoader {
  private batch: { ids: Map<string, number>; done: Promise<void> } | null = null;

  constructor(
    private readonly db: Db,
    private readonly table: StatusTable,
    private readonly onResult: (r: TableResult) => void,
    private readonly log: (msg: string) => void,
  ) {}

  /** Resolves once the members' facts are cached (or could not be read: then they stay unknown). */
  ensure(memberIds: Iterable<string>): Promise<void> {
    const missing = [...memberIds].filter((id) => !this.table.hasFacts(id));
    if (missing.length === 0) return Promise.resolve();
    if (!this.batch) {
      const ids = new Map<string, number>();
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.load(ids));
      this.batch = { ids, done };
    }
    // Each with its generation now: a fact announced while the read runs is newer than the read.
    for (const id of missing) if (!this.batch.ids.has(id)) this.batch.ids.set(id, this.table.generation(id));
    return this.batch.done;
  }

  /** The member's facts changed in a way the notice did not say: read them again. */
  reload(memberIds: string[]): Promise<void> {
    for (const id of memberIds) this.table.forgetFacts(id);
    return this.ensure(memberIds);
  }

  /**
   * Reads every cached member's facts again and replaces them (unless announced meanwhile): a notice
   * lost on the bus (a subscriber reconnecting) is mended within one round, so a member who chose
   * invisible is never shown online for long on a node that missed it.
   */
  async refreshCached(): Promise<void> {
    const all = this.table.cachedMembers();
    for (let i = 0; i < all.length; i += REFRESH_CHUNK) {
      const part = all.slice(i, i + REFRESH_CHUNK).map((id) => [id, this.table.generation(id)] as const);
      try {
        const facts = await loadPresenceFacts(
          this.db,
          part.map(([id]) => id),
        );
        for (const [id, gen] of part) {
          const f = facts.get(id);
          if (f) this.onResult(this.table.refreshFacts(id, f, gen));
        }
      } catch (err) {
        this.log(`reading members' presence facts again failed: ${(err as Error).message}`);
        return;
      }
    }
  }

  private async load(ids: Map<string, number>): Promise<void> {
    this.batch = null;
    try {
      const facts = await loadPresenceFacts(this.db, [...ids.keys()]);
      for (const [id, gen] of ids) {
        // A member who no longer exists has no connections either: offline, whatever the setting.
        this.onResult(this.table.fillFacts(id, facts.get(id) ?? { setting: "online", inCall: false }, gen));
      }
      // Reads overtaken by a notice or a forget were dropped: read those again if still missing.
      const again = [...ids.keys()].filter((id) => !this.table.hasFacts(id));
      if (again.length) void this.ensure(again);
    } catch (err) {
      this.log(`reading members' presence facts failed: ${(err as Error).message}`);
    }
  }
}
