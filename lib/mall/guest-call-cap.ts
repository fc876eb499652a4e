import { DomainError } from "../errors";
import type { Tx } from "./routing-store";

/** The calls that hold an agent or a place in a queue. */
export const OPEN_CALL_STATUSES = ["queued", "ringing", "connected"];

/**
 * Refuses a guest's call when their address already has `max` open calls to shops. Counting and
 * then storing the call is atomic only if no other call from the address is stored in between:
 * one shop's routing lock does not cover another shop, so the address gets a lock row of its own,
 * written first (on PostgreSQL a second transaction for the address waits until the first commits;
 * SQLite runs one write transaction at a time anyway). It is a SenderQuota row, as the mailbox locks
 * a sender: the key's prefix keeps the two apart and the mailbox's sweep drops rows idle for 2 h.
 */
export async function lockGuestCallCap(tx: Tx, input: { address: string; max: number; now: Date }): Promise<void> {
  const senderKey = `mall-guest:${input.address}`;
  await tx.senderQuota.upsert({
    where: { senderKey },
    create: { senderKey, touchedAt: input.now },
    update: { touchedAt: input.now },
  });
  const open = await tx.mallCall.count({ where: { shopperAddress: input.address, status: { in: OPEN_CALL_STATUSES } } });
  if (open >= input.max) {
    throw new DomainError(
      "RATE_LIMITED",
      `There are already ${open} open calls to shops from your address; finish one first, or sign in.`,
      {
        retryAfterSeconds: 30,
      },
    );
  }
}
