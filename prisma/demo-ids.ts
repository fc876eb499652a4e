import type { Db } from "../lib/db/client";

/** The demo members' ids by handle; null unless every one of them exists (a partial demo gets no extras). */
export async function demoIds(db: Db, handles: string[]): Promise<Map<string, string> | null> {
  const rows = await db.member.findMany({ where: { handle: { in: handles } }, select: { id: true, handle: true } });
  return rows.length === handles.length ? new Map(rows.map((m) => [m.handle, m.id])) : null;
}
