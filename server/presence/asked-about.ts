import { offerCallbacks } from "../../lib/calls/callbacks";
import { type AvailabilityDeps, fireAvailability } from "../../lib/contacts/availability-store";
import type { PublicStatus } from "../../lib/presence/status";

const REFRESH_MS = 5_000;

/**
 * Members someone asked to be told about ("tell me when available", "call me when free"), kept in memory and refreshed
 * every few seconds, so a status change costs a set lookup and only a change to online of one of
 * them costs database work. An ask made within the last refresh is caught at the member's next
 * change to online (asking is refused while they already look available).
 */
export class AskedAbout {
  private ids = new Set<string>();
  /** Added while a refresh reads: kept, since the read may have started before their ask was stored. */
  private addedDuringRead: Set<string> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: AvailabilityDeps,
    private readonly log: (msg: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const added = new Set<string>();
    this.addedDuringRead = added;
    try {
      const rows = await this.deps.db.availabilityWatch.findMany({
        where: { openKey: { not: null }, expiresAt: { gt: new Date() } },
        select: { watchedId: true },
        distinct: ["watchedId"],
      });
      this.ids = new Set([...rows.map((r) => r.watchedId), ...added]);
    } catch (err) {
      this.log(`reading who is waited for failed: ${(err as Error).message}`);
    } finally {
      if (this.addedDuringRead === added) this.addedDuringRead = null;
    }
  }

  /** Someone just asked about this member (an `asks` event): watch for them before the next refresh. */
  add(memberId: string): void {
    this.ids.add(memberId);
    this.addedDuringRead?.add(memberId);
  }

  /**
   * A member's status changed on this node: if someone waits for them and they are no longer offline,
   * tell whoever may now see them online (once, whichever node is first; a basic-detail asker sees
   * "online" for away or busy too).
   */
  changed(memberId: string, after: PublicStatus): void {
    if (after === "offline" || !this.ids.has(memberId)) return;
    const change = [{ memberId, status: after }];
    void Promise.all([fireAvailability(this.deps, change), offerCallbacks(this.deps, change)])
      .then(() => this.refresh())
      .catch((err: Error) => this.log(`telling who waited for a member failed: ${err.message}`));
  }
}
