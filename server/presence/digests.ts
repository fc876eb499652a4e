import { sendDueDigests, type DigestDeps } from "../../lib/messages/send-digests";

/**
 * Runs the unread-message digest on a timer: every minute, or more often when the away time is
 * short (test stacks). Every node may run it; each member is claimed once in the database.
 */
export class Digests {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly deps: DigestDeps,
    private readonly awayMs: number,
    private readonly log: (msg: string) => void,
  ) {}

  start(): void {
    const every = Math.max(1000, Math.min(60_000, Math.floor(this.awayMs / 3)));
    this.timer = setInterval(() => void this.run(), every);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const sent = await sendDueDigests(this.deps, { awayMs: this.awayMs });
      if (sent) this.log(`sent ${sent} unread-message digest${sent === 1 ? "" : "s"}`);
    } catch (err) {
      this.log(`digests failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
