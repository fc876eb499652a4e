import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { BusPublisher } from "../bus/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Storage } from "../storage";
import { isBlocked } from "../calls/blocks";
import type { MailboxLimits } from "./limits";
import { finalizeRecording, type MessageKind, removeQuietly, sniffContainer } from "./media";
import { notifyNewMessage, type Mailer } from "./notify";

export type UploadDeps = {
  db: Db;
  bus: BusPublisher;
  storage: Storage;
  stagingDir: string;
  limits: MailboxLimits;
  mailer: Mailer;
  publicUrl?: string;
  now?: () => Date;
};

export type NewUpload =
  | {
      purpose: "message";
      ownerId: string;
      kind: MessageKind;
      length: number;
      senderId: string | null;
      address: string;
      guestName?: string;
      guestEmail?: string;
      callId?: string;
    }
  | { purpose: "greeting"; ownerId: string; kind: MessageKind; length: number; slot: "standard" | "temporary"; endsAt?: Date };

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Opens an upload after checking everything that can be checked before a byte arrives: the size, the
 * sender's hourly allowance, a block. Returns the id and the secret that appends to it (a guest has no
 * session, so the secret is what makes the upload theirs).
 */
export async function createUpload(
  deps: UploadDeps,
  input: NewUpload,
): Promise<{ id: string; token: string; length: number; offset: number }> {
  const { db, limits } = deps;
  const now = deps.now?.() ?? new Date();
  if (input.length > limits.maxBytes) {
    throw new DomainError(
      "PAYLOAD_TOO_LARGE",
      `A recording can be at most ${Math.floor(limits.maxBytes / (1024 * 1024))} MB; this one is ${(input.length / (1024 * 1024)).toFixed(1)} MB.`,
    );
  }
  const owner = await db.member.findUnique({ where: { id: input.ownerId }, select: { id: true, acceptsGuestMessages: true } });
  if (!owner) throw new DomainError("NOT_FOUND", "No member has that address.");
  // Checked by the server, not only hidden on the page: a blocked member signed out is a guest too.
  if (input.purpose === "message" && !input.senderId && !owner.acceptsGuestMessages) {
    throw new DomainError("FORBIDDEN", "This member takes messages from members only: sign in to leave one.", { signIn: true });
  }
  let senderKey: string;
  if (input.purpose === "message") {
    if (input.senderId === input.ownerId) throw new DomainError("BAD_REQUEST", "This is your own mailbox: record a greeting instead.");
    if (!input.senderId && !input.guestName)
      throw new DomainError("VALIDATION_FAILED", "Please give your name, so they know who called.", { field: "guestName" });
    if (input.senderId && (await isBlocked(db, input.ownerId, input.senderId)))
      throw new DomainError("FORBIDDEN", "This member does not take messages from you.");
    senderKey = input.senderId ? `m:${input.senderId}` : `ip:${input.address}`;
    // "After a missed call" only when it was this sender's call to this member.
    if (
      input.callId &&
      !(input.senderId && (await db.call.count({ where: { id: input.callId, callerId: input.senderId, calleeId: input.ownerId } })))
    ) {
      input = { ...input, callId: undefined };
    }
  } else {
    senderKey = `m:${input.ownerId}`;
    if (input.slot === "temporary" && !(input.endsAt && input.endsAt > now)) {
      throw new DomainError("VALIDATION_FAILED", "A temporary greeting needs an end date in the future.", { field: "endsAt" });
    }
  }
  const token = randomBytes(24).toString("base64url");
  const data = {
    tokenHash: hash(token),
    purpose: input.purpose,
    ownerId: input.ownerId,
    senderKey,
    kind: input.kind,
    length: input.length,
    expiresAt: new Date(now.getTime() + limits.uploadTtlMs),
    ...(input.purpose === "message"
      ? {
          senderId: input.senderId,
          guestName: input.senderId ? null : input.guestName,
          guestEmail: input.senderId ? null : (input.guestEmail ?? null),
          callId: input.callId ?? null,
        }
      : { senderId: input.ownerId, slot: input.slot, endsAt: input.slot === "temporary" ? input.endsAt : null }),
  };
  const row =
    input.purpose === "message"
      ? await withSenderLocked(db, senderKey, now, async (tx) => {
          // Counted and inserted under the sender's lock: uploads opened at once are counted one after
          // another, so exactly the allowance gets through (open uploads count: each may still finish).
          const since = new Date(now.getTime() - 60 * 60_000);
          const sent = await tx.message.count({ where: { senderKey, createdAt: { gt: since } } });
          const open = await tx.upload.count({ where: { senderKey, purpose: "message", createdAt: { gt: since } } });
          if (sent + open >= limits.perHour) {
            throw new DomainError("RATE_LIMITED", `You can leave at most ${limits.perHour} messages an hour; please try again later.`, {
              retryAfterSeconds: 3600,
            });
          }
          return tx.upload.create({ data: { ...data, createdAt: now } });
        })
      : await db.upload.create({ data });
  return { id: row.id, token, length: row.length, offset: 0 };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Runs `fn` in a transaction that first writes the sender's SenderQuota row: on PostgreSQL the row
 * lock makes a second transaction for the same sender wait until the first commits; SQLite runs one
 * write transaction at a time anyway. Two first-ever uploads racing to create the row: the loser's
 * insert fails on the key (P2002) and it runs again, now waiting on the row.
 */
async function withSenderLocked<T>(db: Db, senderKey: string, now: Date, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.senderQuota.upsert({ where: { senderKey }, create: { senderKey, touchedAt: now }, update: { touchedAt: now } });
        return fn(tx);
      });
    } catch (err) {
      if (attempt < 2 && (err as { code?: string }).code === "P2002") continue;
      throw err;
    }
  }
}

async function uploadFor(db: Db, id: string, token: string, now: Date) {
  const row = await db.upload.findUnique({ where: { id } });
  const given = Buffer.from(hash(token));
  // The same answer for a wrong secret as for no upload: the id alone reveals nothing.
  if (!row || !timingSafeEqual(given, Buffer.from(row.tokenHash)) || row.expiresAt <= now)
    throw new DomainError("NOT_FOUND", "No such upload (it may have expired).");
  return row;
}

export async function uploadStatus(deps: Pick<UploadDeps, "db" | "now">, id: string, token: string) {
  const row = await uploadFor(deps.db, id, token, deps.now?.() ?? new Date());
  return { offset: row.offset, length: row.length };
}

type Staging = Pick<UploadDeps, "db" | "stagingDir" | "now">;
const staging = (deps: Pick<UploadDeps, "stagingDir">, id: string) => path.join(deps.stagingDir, `${id}.part`);

// One append at a time per upload in this process; the conditional write below settles the rest.
const inFlight = new Map<string, Promise<unknown>>();

export type AppendResult = { offset: number; length: number; done: false } | { offset: number; length: number; done: true; id: string };

/**
 * Appends bytes at `offset`, which must be exactly where the upload stands (a resumed upload first asks).
 * The last piece finalizes the recording; only then does anything appear in a mailbox.
 */
export async function appendChunk(
  deps: UploadDeps,
  input: { id: string; token: string; offset: number; bytes: Uint8Array },
): Promise<AppendResult> {
  const prior = inFlight.get(input.id);
  if (prior)
    throw new DomainError("CONFLICT", "Another piece of this upload is still arriving; ask where it stands and resume from there.");
  const work = appendNow(deps, input);
  inFlight.set(input.id, work);
  try {
    return await work;
  } finally {
    inFlight.delete(input.id);
  }
}

async function appendNow(deps: UploadDeps, input: { id: string; token: string; offset: number; bytes: Uint8Array }): Promise<AppendResult> {
  const { db, limits } = deps;
  const now = deps.now?.() ?? new Date();
  const up = await uploadFor(db, input.id, input.token, now);
  if (input.offset !== up.offset) {
    throw new DomainError("CONFLICT", `The server has ${up.offset} bytes of this upload, not ${input.offset}: resume from ${up.offset}.`, {
      offset: up.offset,
    });
  }
  if (input.bytes.length > limits.chunkMaxBytes)
    throw new DomainError("PAYLOAD_TOO_LARGE", `Send at most ${limits.chunkMaxBytes / (1024 * 1024)} MB at a time.`);
  if (up.offset + input.bytes.length > up.length) {
    throw new DomainError("PAYLOAD_TOO_LARGE", `This upload was announced as ${up.length} bytes; these bytes would make it longer.`);
  }
  if (up.offset === 0 && !sniffContainer(input.bytes.subarray(0, 16))) {
    await discard(deps, up.id);
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "This is not an audio or video recording (WebM, MP4 or Ogg).");
  }
  await fs.mkdir(deps.stagingDir, { recursive: true });
  const file = await fs.open(staging(deps, up.id), up.offset === 0 ? "w" : "r+");
  try {
    await file.write(input.bytes, 0, input.bytes.length, up.offset);
    await file.sync();
  } finally {
    await file.close();
  }
  const offset = up.offset + input.bytes.length;
  const moved = await db.upload.updateMany({ where: { id: up.id, offset: up.offset }, data: { offset } });
  if (moved.count === 0) throw new DomainError("CONFLICT", "Another piece of this upload arrived first; ask where it stands and resume.");
  if (offset < up.length) return { offset, length: up.length, done: false };
  const id = await finalize(deps, { ...up, offset });
  return { offset, length: up.length, done: true, id };
}

type UploadRow = Awaited<ReturnType<typeof uploadFor>>;

async function finalize(deps: UploadDeps, up: UploadRow): Promise<string> {
  const { db, storage, limits } = deps;
  const part = staging(deps, up.id);
  const head = Buffer.alloc(16);
  const fh = await fs.open(part, "r");
  await fh.read(head, 0, 16, 0).finally(() => fh.close());
  const container = sniffContainer(head)!;
  let done;
  try {
    done = await finalizeRecording(part, { kind: up.kind as MessageKind, container, minMs: limits.minMs, maxMs: limits.maxMs });
  } catch (err) {
    // A recording that fails the checks is not kept anywhere.
    await discard(deps, up.id);
    throw err;
  }
  const id = randomUUID();
  const ext = done.path.split(".").pop()!;
  const folder = up.purpose === "message" ? `mailbox/${up.ownerId}` : `greetings/${up.ownerId}`;
  const mediaKey = `${folder}/${id}.${ext}`;
  const thumbKey = done.thumbPath ? `${folder}/${id}.jpg` : null;
  await storage.putFile(mediaKey, done.path);
  if (done.thumbPath && thumbKey) await storage.putFile(thumbKey, done.thumbPath);
  const size = (await storage.size(mediaKey)) ?? 0;
  if (up.purpose === "message") {
    await db.message.create({
      data: {
        id,
        ownerId: up.ownerId,
        senderId: up.senderId,
        senderKey: up.senderKey,
        guestName: up.guestName,
        guestEmail: up.guestEmail,
        callId: up.callId,
        kind: up.kind,
        mediaKey,
        mime: done.mime,
        thumbKey,
        durationMs: done.durationMs,
        sizeBytes: size,
      },
    });
  } else {
    const old = await db.greeting.findUnique({ where: { memberId_slot: { memberId: up.ownerId, slot: up.slot! } } });
    await db.greeting.upsert({
      where: { memberId_slot: { memberId: up.ownerId, slot: up.slot! } },
      create: {
        id,
        memberId: up.ownerId,
        slot: up.slot!,
        kind: up.kind,
        mediaKey,
        mime: done.mime,
        durationMs: done.durationMs,
        endsAt: up.endsAt,
      },
      update: { kind: up.kind, mediaKey, mime: done.mime, durationMs: done.durationMs, endsAt: up.endsAt, createdAt: new Date() },
    });
    if (old) await storage.delete(old.mediaKey);
    if (thumbKey) await storage.delete(thumbKey);
  }
  await db.upload.delete({ where: { id: up.id } });
  await removeQuietly(part);
  if (up.purpose === "message") {
    const unread = await db.message.count({ where: { ownerId: up.ownerId, readAt: null, deletedAt: null } });
    await deps.bus.toMember(up.ownerId, "mail", { messageId: id, unread }).catch(() => undefined);
    await notifyNewMessage(deps, id).catch((err) => console.error("mail notification failed:", err));
  }
  return id;
}

async function discard(deps: Staging, id: string) {
  await deps.db.upload.deleteMany({ where: { id } });
  const part = staging(deps, id);
  await removeQuietly(part, `${part}.final.webm`, `${part}.final.mp4`, `${part}.final.ogg`, `${part}.thumb.jpg`);
}

/** Drops uploads nobody finished in time, with their bytes. */
export async function sweepUploads(deps: Staging): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const stale = await deps.db.upload.findMany({ where: { expiresAt: { lte: now } }, select: { id: true } });
  for (const { id } of stale) await discard(deps, id);
  // A sender's lock row outlives their last hour only as garbage.
  await deps.db.senderQuota.deleteMany({ where: { touchedAt: { lt: new Date(now.getTime() - 2 * 3600_000) } } });
  return stale.length;
}
