import type { Db } from "../db/client";
import { uniqueViolationFields } from "../db/unique-violation";
import { DomainError } from "../errors";
import type { BusPublisher } from "../bus";
import { announceRulesChanged } from "../presence/announce-rules";

async function memberIdOf(db: Db, handle: string): Promise<string> {
  const m = await db.member.findUnique({ where: { handleKey: handle.toLowerCase() }, select: { id: true } });
  if (!m) throw new DomainError("NOT_FOUND", "No member has that address.");
  return m.id;
}

type Deps = { db: Db; bus: BusPublisher };

/**
 * From now on the blocked member's calls end as "unavailable" without ringing, and they see the
 * blocker offline: open watches are decided again at once.
 */
export async function blockMember({ db, bus }: Deps, blockerId: string, handle: string) {
  const blockedId = await memberIdOf(db, handle);
  if (blockedId === blockerId) throw new DomainError("BAD_REQUEST", "You cannot block yourself.");
  // A plain insert, a duplicate being fine: Prisma's upsert runs as an interactive transaction, and
  // in the web process on SQLite one left the database locked for every later write (CI, e2e).
  try {
    await db.block.create({ data: { blockerId, blockedId } });
  } catch (err) {
    if (uniqueViolationFields(err) === null) throw err;
  }
  await announceRulesChanged({ db, bus }, [blockerId]);
  return { blocked: true, handle };
}

export async function unblockMember({ db, bus }: Deps, blockerId: string, handle: string) {
  const blockedId = await memberIdOf(db, handle);
  await db.block.deleteMany({ where: { blockerId, blockedId } });
  await announceRulesChanged({ db, bus }, [blockerId]);
  return { blocked: false, handle };
}

export async function isBlocked(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  return !!(await db.block.findUnique({ where: { blockerId_blockedId: { blockerId, blockedId } } }));
}

export async function listBlocked(db: Db, blockerId: string) {
  const rows = await db.block.findMany({
    where: { blockerId },
    include: { blocked: { select: { handle: true, displayName: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({ handle: r.blocked.handle, displayName: r.blocked.displayName, since: r.createdAt.toISOString() }));
}
