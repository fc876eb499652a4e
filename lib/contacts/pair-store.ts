import type { Db } from "../db/client";
import { type Direction, type DirectionState, NO_DIRECTION, type Pair, samePair } from "./subscription";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Where each member's row stands, besides the subscription: whether it is in their book. */
export type PairRows = { pair: Pair; aInBook: boolean; bInBook: boolean };

const STATES: DirectionState[] = ["none", "pending", "approved"];
const asState = (v: string): DirectionState => ((STATES as string[]).includes(v) ? (v as DirectionState) : "none");

/**
 * Locks both members' rows, in id order so two members acting on each other at once cannot
 * deadlock (PostgreSQL; SQLite runs one write transaction at a time), then reads the pair.
 */
export async function lockPair(tx: Tx, a: string, b: string): Promise<PairRows> {
  for (const id of [a, b].sort()) {
    await tx.$executeRaw`UPDATE "Member" SET "rosterVersion" = "rosterVersion" WHERE "id" = ${id}`;
  }
  const rows = await tx.contact.findMany({
    where: {
      OR: [
        { ownerId: a, contactId: b },
        { ownerId: b, contactId: a },
      ],
    },
  });
  const ab = rows.find((r) => r.ownerId === a);
  const ba = rows.find((r) => r.ownerId === b);
  const dir = (r: typeof ab): Direction =>
    r ? { state: asState(r.sees), preapproved: r.preapproved, requestedAt: r.requestedAt?.getTime() ?? null } : NO_DIRECTION;
  return { pair: { ab: dir(ab), ba: dir(ba) }, aInBook: ab?.inBook ?? false, bInBook: ba?.inBook ?? false };
}

/**
 * Writes a pair that changed: both rows, each stamped with its owner's next roster version, since
 * each member's item for the other is derived from both directions. Returns the new versions.
 */
export async function savePair(tx: Tx, a: string, b: string, before: PairRows, after: PairRows): Promise<{ a: number; b: number } | null> {
  if (samePair(before.pair, after.pair) && before.aInBook === after.aInBook && before.bInBook === after.bInBook) return null;
  const bump = async (id: string) =>
    (await tx.member.update({ where: { id }, data: { rosterVersion: { increment: 1 } }, select: { rosterVersion: true } })).rosterVersion;
  const versions = { a: await bump(a), b: await bump(b) };
  const write = async (ownerId: string, contactId: string, d: Direction, inBook: boolean, version: number) => {
    const requestedAt = d.requestedAt === null ? null : new Date(d.requestedAt);
    // Out of the book, the entry keeps nothing of the owner's own: nickname, note, star and groups go.
    const forget = inBook ? {} : { nickname: "", note: "", favourite: false };
    const data = { sees: d.state, preapproved: d.preapproved, requestedAt, inBook, version, ...forget };
    await tx.contact.upsert({
      where: { ownerId_contactId: { ownerId, contactId } },
      create: { ownerId, contactId, ...data },
      update: data,
    });
    if (!inBook) await tx.contactGroupEntry.deleteMany({ where: { ownerId, contactId } });
  };
  await write(a, b, after.pair.ab, after.aInBook, versions.a);
  await write(b, a, after.pair.ba, after.bInBook, versions.b);
  return versions;
}
