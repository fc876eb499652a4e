import { type AvailabilityDeps, fireAvailability } from "../../lib/contacts/availability-store";

const REFRESH_MS = 5_000;

/**
 * Members someone asked to be told about ("tell me when available"), kept in memory and refreshed
 * every few seconds, so a status change costs a set lookup and only a change to online of one of
 * them costs database work. An ask made within the last refresh is caught at the member's next
 * change to online (asking is refused while they already look available).
 */
export class AskedAbout {
  private ids = new Set<string>();
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
    try {
      const rows = await this.deps.db.availabilityWatch.findMany({
        where: { openKey: { not: null }, expiresAt: { gt: new Date() } },
        select: { watchedId: true },
        distinct: ["watchedId"],
      });
      this.ids = new Set(rows.map((r) => r.watchedId));
    } catch (err) {
      this.log(`reading who is waited for failed: ${(err as Error).message}`);
    }
  }

  /** Someone just asked about this member (an `asks` event): watch for them before the next refresh. */
  add(memberId: string): void {
    this.ids.add(memberId);
  }

  /** A member's status changed on this node: if it is to online and someone waits, tell them (once, whichever node is first). */
  changed(memberId: string, after: string): void {
    if (after !== "online" || !this.ids.has(memberId)) return;
    void fireAvailability(this.deps, [{ memberId, status: "online" }])
      .then(() => this.refresh())
      .catch((err: Error) => this.log(`telling who waited for a member failed: ${err.message}`));
  }
}
