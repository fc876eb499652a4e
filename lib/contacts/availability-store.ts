import type { BusPublisher } from "../bus";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Mailer } from "../mailbox/notify";
import { getStatuses } from "../presence/read-model";
import { EXPIRY_MS, type PublicStatus } from "../presence/status";
import { detailFor, STRANGER, visibleStatus } from "../presence/visibility";
import { loadVisibility, relationsFrom, statusesSeenBy } from "../presence/visibility-store";
import { AVAILABILITY_TTL_MS, askState, canAsk, deliveryFor, firesOn, MAX_OPEN_ASKS, openKeyOf } from "./availability";

export type AskView = {
  id: string;
  memberId: string;
  handle: string;
  displayName: string;
  state: "open" | "fired" | "canceled" | "expired";
  createdAt: string;
  expiresAt: string;
  firedAt: string | null;
};

const who = { select: { id: true, handle: true, displayName: true } } as const;
const view = (
  a: {
    id: string;
    createdAt: Date;
    expiresAt: Date;
    firedAt: Date | null;
    canceledAt: Date | null;
    watched: { id: string; handle: string; displayName: string };
  },
  now: Date,
): AskView => ({
  id: a.id,
  memberId: a.watched.id,
  handle: a.watched.handle,
  displayName: a.watched.displayName,
  state: askState(a, now),
  createdAt: a.createdAt.toISOString(),
  expiresAt: a.expiresAt.toISOString(),
  firedAt: a.firedAt?.toISOString() ?? null,
});

/**
 * Asks to be told when a contact (one whose presence the asker follows) becomes available. The `asks`
 * event tells the asker's other devices, and every presence node to watch for the contact from now on.
 */
export async function askWhenAvailable(
  deps: { db: Db; bus: BusPublisher },
  input: { askerId: string; watchedId: string; now?: Date },
): Promise<AskView> {
  const ask = await openAsk(deps.db, input);
  await deps.bus.toMember(input.askerId, "asks", { memberId: input.watchedId });
  return ask;
}

async function openAsk(db: Db, input: { askerId: string; watchedId: string; now?: Date }): Promise<AskView> {
  const now = input.now ?? new Date();
  const { askerId, watchedId } = input;
  const contact = await db.contact.findFirst({ where: { ownerId: askerId, contactId: watchedId, inBook: true, sees: "approved" } });
  if (!contact) throw new DomainError("NOT_FOUND", "Only a contact who shares their presence with you can be followed this way.");
  const raw = await getStatuses(db, [watchedId], now);
  const seen = (await statusesSeenBy(db, raw, askerId))[watchedId] ?? "offline";
  if (!canAsk(seen)) throw new DomainError("CONFLICT", "They are available now: call them.");
  const key = openKeyOf(askerId, watchedId);
  const existing = await db.availabilityWatch.findUnique({ where: { openKey: key }, include: { watched: who } });
  if (existing && askState(existing, now) === "open") return view(existing, now);
  // A lapsed ask still holds the key: release it before the new one.
  if (existing) await db.availabilityWatch.updateMany({ where: { id: existing.id, openKey: key }, data: { openKey: null } });
  const open = await db.availabilityWatch.count({ where: { askerId, openKey: { not: null }, expiresAt: { gt: now } } });
  if (open >= MAX_OPEN_ASKS) throw new DomainError("RATE_LIMITED", `You can wait for at most ${MAX_OPEN_ASKS} people at once.`);
  try {
    const made = await db.availabilityWatch.create({
      data: { askerId, watchedId, openKey: key, expiresAt: new Date(now.getTime() + AVAILABILITY_TTL_MS), createdAt: now },
      include: { watched: who },
    });
    return view(made, now);
  } catch {
    // Another device asked at the same moment: theirs stands.
    const won = await db.availabilityWatch.findUnique({ where: { openKey: key }, include: { watched: who } });
    if (won) return view(won, now);
    throw new DomainError("CONFLICT", "That changed while you asked; try again.");
  }
}

/** The member's asks of the last day, open ones first: what they wait for, and what already fired. */
export async function listAsks(db: Db, askerId: string, now = new Date()): Promise<AskView[]> {
  const rows = await db.availabilityWatch.findMany({
    where: { askerId, kind: "notify", canceledAt: null, createdAt: { gt: new Date(now.getTime() - AVAILABILITY_TTL_MS) } },
    include: { watched: who },
    orderBy: { createdAt: "desc" },
    take: MAX_OPEN_ASKS * 2,
  });
  const rank = { open: 0, fired: 1, expired: 2, canceled: 3 } as const;
  return rows.map((r) => view(r, now)).sort((a, b) => rank[a.state] - rank[b.state]);
}

/** Cancels one of the member's own open asks (the asker is in the where clause). */
export async function cancelAsk(deps: { db: Db; bus: BusPublisher }, input: { askerId: string; askId: string; now?: Date }): Promise<void> {
  const { db } = deps;
  const done = await db.availabilityWatch.updateMany({
    where: { id: input.askId, askerId: input.askerId, openKey: { not: null } },
    data: { openKey: null, canceledAt: input.now ?? new Date() },
  });
  if (done.count === 0) {
    const own = await db.availabilityWatch.findFirst({ where: { id: input.askId, askerId: input.askerId }, select: { id: true } });
    if (!own) throw new DomainError("NOT_FOUND", "No such request.");
    return;
  }
  const ask = await db.availabilityWatch.findUniqueOrThrow({ where: { id: input.askId }, select: { watchedId: true } });
  await deps.bus.toMember(input.askerId, "asks", { memberId: ask.watchedId });
}

export type AvailabilityDeps = { db: Db; bus: BusPublisher; mailer?: Mailer; publicUrl?: string; now?: () => Date };

/**
 * Members became available: each open ask on them whose asker may see them online fires once (the
 * claim is a compare-and-set on the open key, so several nodes or processes may call this for the
 * same change). One indexed query when nobody waits, which is nearly always.
 */
export async function fireAvailability(deps: AvailabilityDeps, changes: { memberId: string; status: PublicStatus }[]): Promise<number> {
  // Any status but offline may show as online to someone (a basic-detail asker sees away as online).
  const status = new Map(changes.filter((c) => c.status !== "offline").map((c) => [c.memberId, c.status]));
  const ids = [...status.keys()];
  if (ids.length === 0) return 0;
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const asks = await db.availabilityWatch.findMany({
    where: { kind: "notify", watchedId: { in: ids }, firedAt: null, canceledAt: null, expiresAt: { gt: now }, openKey: { not: null } },
    include: { watched: who, asker: { select: { id: true, email: true, emailVerifiedAt: true, displayName: true } } },
  });
  let fired = 0;
  for (const watchedId of new Set(asks.map((a) => a.watchedId))) {
    const mine = asks.filter((a) => a.watchedId === watchedId);
    const [settings, relations] = await Promise.all([
      loadVisibility(db, [watchedId]),
      relationsFrom(
        db,
        watchedId,
        mine.map((a) => a.askerId),
      ),
    ]);
    const s = settings.get(watchedId);
    for (const a of mine) {
      // Fires only if the asker may see them online now: appear-offline-to or "nobody" keeps it waiting.
      const raw = status.get(watchedId) ?? "offline";
      if (!s || !firesOn(visibleStatus(raw, detailFor(s, relations.get(a.askerId) ?? STRANGER)))) continue;
      if (await deliver(deps, a, now)) fired++;
    }
  }
  return fired;
}

async function deliver(
  deps: AvailabilityDeps,
  a: {
    id: string;
    askerId: string;
    watched: { id: string; handle: string; displayName: string };
    asker: { email: string; emailVerifiedAt: Date | null; displayName: string };
  },
  now: Date,
): Promise<boolean> {
  const { db } = deps;
  const connected =
    (await db.presenceConnection.count({ where: { memberId: a.askerId, lastSeenAt: { gt: new Date(now.getTime() - EXPIRY_MS) } } })) > 0;
  const how = deliveryFor({ connected, verifiedEmail: !!a.asker.emailVerifiedAt && !!deps.mailer });
  const claimed = await db.availabilityWatch.updateMany({
    where: { id: a.id, openKey: { not: null } },
    data: { openKey: null, firedAt: now, firedBy: how === "email" ? "email" : "live" },
  });
  if (claimed.count === 0) return false;
  // Sent live in every case (a device that connects later catches up on it); a failed publish does not stop the email.
  await deps.bus
    .toMember(a.askerId, "available", { askId: a.id, memberId: a.watched.id, handle: a.watched.handle, displayName: a.watched.displayName })
    .catch(() => undefined);
  if (how === "email" && deps.mailer) {
    await deps.mailer
      .send({
        to: a.asker.email,
        subject: `${a.watched.displayName} is available now`,
        text: `Hello ${a.asker.displayName},\n\nYou asked to be told when ${a.watched.displayName} became available: they are online now.\n\nCall them: ${deps.publicUrl ?? ""}/${a.watched.handle}\n`,
      })
      .catch(() => undefined);
  }
  return true;
}
