import type { Db } from "../db/client";
import { type Direction, type DirectionState, NO_DIRECTION, type Pair, samePair } from "./subscription";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Where each member's row stands, besides the subscription: whether it is in their book. */
export type PairRows = { pair: Pair; aInBook: boolean; bInBook: boolean };

const STATES: DirectionState[] = ["none", "pending", "approved"];
const asState = (v: string): DirectionState => ((STATES as string[]).includes(v) ? (v as DirectionState) : "none");

/** A stored direction ("owner sees contact") as the transition table takes it. */
export function directionOf(r: { sees: string; preapproved: boolean; requestedAt: Date | null } | undefined): Direction {
  return r ? { state: asState(r.sees), preapproved: r.preapproved, requestedAt: r.requestedAt?.getTime() ?? null } : NO_DIRECTION;
}

/** Holds the member's row until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
export async function lockMember(tx: Tx, id: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Member" SET "rosterVersion" = "rosterVersion" WHERE "id" = ${id}`;
}

/** The member's next roster version, for the rows this transaction changes. */
export async function nextRosterVersion(tx: Tx, id: string): Promise<number> {
  return (await tx.member.update({ where: { id }, data: { rosterVersion: { increment: 1 } }, select: { rosterVersion: true } }))
    .rosterVersion;
}

/**
 * Locks both members' rows, in id order so two members acting on each other at once cannot
 * deadlock (PostgreSQL; SQLite runs one write transaction at a time), then reads the pair.
 */
export async function lockPair(tx: Tx, a: string, b: string): Promise<PairRows> {
  for (const id of [a, b].sort()) await lockMember(tx, id);
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
  return { pair: { ab: directionOf(ab), ba: directionOf(ba) }, aInBook: ab?.inBook ?? false, bInBook: ba?.inBook ?? false };
}

/**
 * Writes a pair that changed: both rows, each stamped with its owner's next roster version, since
 * each member's item for the other is derived from both directions. Returns the new versions.
 */
export async function savePair(tx: Tx, a: string, b: string, before: PairRows, after: PairRows): Promise<{ a: number; b: number } | null> {
  if (samePair(before.pair, after.pair) && before.aInBook === after.aInBook && before.bInBook === after.bInBook) return null;
  const versions = { a: await nextRosterVersion(tx, a), b: await nextRosterVersion(tx, b) };
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
