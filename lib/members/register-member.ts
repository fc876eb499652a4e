import { randomBytes } from "node:crypto";
import { type Db, directPgStatement } from "../db/client";
import { uniqueViolationFields } from "../db/unique-violation";
import { DomainError } from "../errors";
import { hashPassword } from "../auth/password";
import { cityKey, nameKey, nameWords } from "../directory/search-keys";
import { allocateSequential } from "../numbers/allocate-sequential";
import { formatNumber } from "../numbers/format";
import { showNumber } from "../numbers/spelling";
import { newNumber, spellingOfHold } from "../numbers/new-number";
import type { Storage } from "../storage";
import { sniffImage } from "../storage/sniff";
import { insertMemberPg } from "./insert-member-pg";
import { releaseUnverifiedEmail } from "./release-unverified-email";
import type { RegisterInput } from "./schemas";

export type RegisteredMember = { id: string; handle: string; number: string; formattedNumber: string };

export type PhotoUpload = { bytes: Uint8Array; maxBytes: number };

/** Maps a lost unique race to the message a person can act on. */
function conflictFor(fields: string[], input: RegisterInput, digits: string): DomainError | "number" {
  const has = (f: string) => fields.some((x) => x === f || x.includes(f));
  if (has("handleKey") || has("Handle_pkey"))
    return new DomainError("HANDLE_TAKEN", `The handle "${input.handle}" is taken; please choose another`, { field: "handle" });
  if (has("emailKey"))
    return new DomainError("EMAIL_TAKEN", "An account with that email already exists; sign in instead", { field: "email" });
  if (has("digits") || has("PhoneNumber")) return "number";
  if (has("memberId")) return "number";
  return new DomainError("CONFLICT", `Registration clashed with another one for ${formatNumber(digits)}; please try again`);
}

function checkPhoto(photo: PhotoUpload) {
  if (photo.bytes.length > photo.maxBytes) {
    throw new DomainError("PAYLOAD_TOO_LARGE", `The photo is larger than ${Math.round(photo.maxBytes / 1024 / 1024)} MB`, {
      field: "photo",
    });
  }
  const type = sniffImage(photo.bytes);
  if (!type) throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "The photo must be a JPEG, PNG or WebP image", { field: "photo" });
  return type;
}

/**
 * Creates the member and assigns their permanent number in one transaction (one
 * statement on PostgreSQL, insert-member-pg.ts; a nested create on SQLite).
 * Uniqueness of handle, email and number is enforced by the database's unique
 * constraints; a lost race becomes a clear 409, never a 500, and leaves nothing behind.
 */
export async function registerMember(
  db: Db,
  input: RegisterInput,
  opts: {
    holderToken?: string | null;
    photo?: PhotoUpload | null;
    storage: Storage;
    now?: Date;
    /** An address its holder has not confirmed for this long goes to whoever registers it (none: never). */
    unverifiedEmailGraceMs?: number;
    /** The first verification link (`firstLink` in lib/account/email-verification.ts), written with the member. */
    firstLink?: { tokenHash: string; createdAt: Date; expiresAt: Date };
  },
): Promise<RegisteredMember> {
  const now = opts.now ?? new Date();
  const photoType = opts.photo ? checkPhoto(opts.photo) : null;
  const passwordHash = await hashPassword(input.password);

  let photoKey: string | null = null;
  if (opts.photo && photoType) {
    photoKey = `photos/${randomBytes(12).toString("hex")}.${photoType.ext}`;
    await opts.storage.put(photoKey, opts.photo.bytes);
  }

  const memberData = {
    handle: input.handle,
    handleKey: input.handle.toLowerCase(),
    email: input.email,
    emailKey: input.email.toLowerCase(),
    passwordHash,
    displayName: input.displayName,
    nameKey: nameKey(input.displayName),
    cityKey: cityKey(input.city),
    birthDate: input.birthDate,
    city: input.city,
    interests: JSON.stringify(input.interests),
    listed: input.listed,
    emailAddressable: input.emailAddressable,
    photoKey,
  };

  const words = nameWords(input.displayName);
  const pg = directPgStatement(db);
  /** The member's id, or null when a sequential number turned out held (nothing written). */
  const insert = async (digits: string, kind: "vanity" | "sequential", spelled: string | null): Promise<string | null> => {
    const number = newNumber(digits, kind, spelled);
    if (pg) {
      const suffixes = number.suffixes.createMany.data.map((s) => s.suffix);
      return insertMemberPg(pg, memberData, {
        words,
        number: { digits, kind, spelled, word: number.word, suffixes },
        firstLink: opts.firstLink,
        unlessHeldAfter: kind === "sequential" ? now : undefined,
        now,
      });
    }
    if (kind === "sequential") {
      const held = await db.numberHold.findFirst({ where: { digits, expiresAt: { gt: now } }, select: { digits: true } });
      if (held) return null;
    }
    const m = await db.member.create({
      data: {
        ...memberData,
        // The handle's claim in the namespace members and groups share (its key is what two racing claims meet on).
        handleClaim: { create: { handleKey: memberData.handleKey } },
        nameWords: { createMany: { data: words.map((word) => ({ word })) } },
        number: { create: number },
        ...(opts.firstLink && { emailVerifications: { create: { ...opts.firstLink, emailKey: memberData.emailKey } } }),
      },
      select: { id: true },
    });
    return m.id;
  };

  const create = async (
    digits: string,
    kind: "vanity" | "sequential",
    spelled: string | null = null,
  ): Promise<RegisteredMember | false> => {
    try {
      const id = await insert(digits, kind, spelled);
      if (id === null) return false;
      return { id, handle: memberData.handle, number: digits, formattedNumber: showNumber(digits, spelled) };
    } catch (err) {
      const fields = uniqueViolationFields(err);
      if (!fields) throw err;
      const conflict = conflictFor(fields, input, digits);
      if (conflict !== "number") throw conflict;
      if (kind === "sequential") return false;
      throw new DomainError("NUMBER_TAKEN", `${formatNumber(digits)} was just taken by someone else; please pick another`, {
        field: "number",
      });
    }
  };

  const place = async (): Promise<RegisteredMember> => {
    if (input.number) {
      const digits = input.number;
      const hold = await db.numberHold.findUnique({ where: { digits } });
      if (hold && hold.expiresAt > now && hold.holderToken !== opts.holderToken) {
        throw new DomainError("NUMBER_HELD", `${formatNumber(digits)} is being registered by someone else; please pick another`, {
          field: "number",
        });
      }
      // The spelling the picker held it with (a hold from this browser only).
      const spelled = spellingOfHold(hold, opts.holderToken);
      const result = await create(digits, "vanity", spelled);
      if (result === false) throw new Error("unreachable: vanity create returned false");
      await db.numberHold.deleteMany({ where: { digits } });
      if (opts.holderToken) await db.numberHold.deleteMany({ where: { holderToken: opts.holderToken } });
      return result;
    }
    return allocateSequential(db, (digits) => create(digits, "sequential"));
  };

  try {
    try {
      return await place();
    } catch (err) {
      // Only an address already taken can have been left unconfirmed; freeing it is tried then, not
      // before every registration (one read fewer on the common path).
      if (!(err instanceof DomainError && err.code === "EMAIL_TAKEN") || opts.unverifiedEmailGraceMs === undefined) throw err;
      const released = await releaseUnverifiedEmail(db, {
        emailKey: input.email.toLowerCase(),
        registeredBefore: new Date(now.getTime() - opts.unverifiedEmailGraceMs),
      });
      if (!released) throw err;
      return await place();
    }
  } catch (err) {
    if (photoKey) await opts.storage.delete(photoKey).catch(() => undefined);
    throw err;
  }
}
