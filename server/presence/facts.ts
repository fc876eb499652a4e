import type { Db } from "../../lib/db/client";
import { loadPresenceFacts } from "../../lib/presence/load-facts";
import type { StatusTable, TableResult } from "../../lib/presence/status-table";

/**
 * Fills the status table's cache of members' facts (setting, in a call) from the database: only
 * members not cached, and all that are asked for within one turn of the event loop in one read.
 */
export class FactsLoader {
  private batch: { ids: Set<string>; done: Promise<void> } | null = null;

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
      const ids = new Set<string>();
      const done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.load(ids));
      this.batch = { ids, done };
    }
    for (const id of missing) this.batch.ids.add(id);
    return this.batch.done;
  }

  /** The member's facts changed in a way the notice did not say: read them again. */
  reload(memberIds: string[]): Promise<void> {
    for (const id of memberIds) this.table.forgetFacts(id);
    return this.ensure(memberIds);
  }

  private async load(ids: Set<string>): Promise<void> {
    this.batch = null;
    try {
      const facts = await loadPresenceFacts(this.db, [...ids]);
      for (const id of ids) {
        // A member who no longer exists has no connections either: offline, whatever the setting.
        this.onResult(this.table.fillFacts(id, facts.get(id) ?? { setting: "online", inCall: false }));
      }
    } catch (err) {
      this.log(`reading members' presence facts failed: ${(err as Error).message}`);
    }
  }
}
