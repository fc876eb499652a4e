import { randomBytes } from "node:crypto";
import type { PgStatement } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";

export type NewMemberRow = {
  handle: string;
  handleKey: string;
  email: string;
  emailKey: string;
  passwordHash: string;
  displayName: string;
  nameKey: string;
  cityKey: string;
  birthDate: Date;
  city: string;
  interests: string;
  listed: boolean;
  emailAddressable: boolean;
  photoKey: string | null;
};

export type NewMemberExtras = {
  words: string[];
  number: { digits: string; kind: string; spelled: string | null; word: string | null; suffixes: string[] };
  firstLink?: { tokenHash: string; createdAt: Date; expiresAt: Date };
  /** Sequential numbers only: insert nothing while someone's unexpired hold is on the digits. */
  unlessHeldAfter?: Date;
  now: Date;
};

/** An id in the shape of Prisma's `cuid()`: "c", the time, then random letters; unique without a round trip. */
const newMemberId = () => `c${Date.now().toString(36)}${randomBytes(10).toString("hex").slice(0, 16)}`;

/**
 * The member, the handle's claim, the name's words, the number and its suffixes (and the first
 * verification link) as ONE statement: data-modifying CTEs run as a unit, the foreign keys checked at
 * its end. Prisma's nested create is a transaction of seven statements, each a round trip and each
 * compiled by the client, on the web server's one thread (bench/numbers.ts). Returns the id, or
 * null when the digits were held (nothing written). A unique violation is pg's error (23505). The
 * number is inserted from the handle's claim, so the claim comes first, as in a group's creation:
 * two such writes racing for the same handle and number meet in the same order, never a deadlock.
 */
export async function insertMemberPg(run: PgStatement, m: NewMemberRow, x: NewMemberExtras): Promise<string | null> {
  const id = newMemberId();
  const held = x.unlessHeldAfter
    ? Prisma.sql`WHERE NOT EXISTS (SELECT 1 FROM "NumberHold" WHERE "digits" = ${x.number.digits} AND "expiresAt" > ${x.unlessHeldAfter})`
    : Prisma.empty;
  const link = x.firstLink
    ? Prisma.sql`, v AS (
        INSERT INTO "EmailVerification" ("tokenHash", "memberId", "emailKey", "expiresAt", "createdAt")
        SELECT ${x.firstLink.tokenHash}, "id", ${m.emailKey}, ${x.firstLink.expiresAt}, ${x.firstLink.createdAt} FROM m)`
    : Prisma.empty;
  const rows = await run<{ id: string }>(Prisma.sql`
    WITH m AS (
      INSERT INTO "Member" ("id", "handle", "handleKey", "email", "emailKey", "passwordHash", "displayName", "nameKey",
        "cityKey", "birthDate", "city", "interests", "listed", "emailAddressable", "photoKey", "createdAt", "updatedAt")
      SELECT ${id}, ${m.handle}, ${m.handleKey}, ${m.email}, ${m.emailKey}, ${m.passwordHash}, ${m.displayName}, ${m.nameKey},
        ${m.cityKey}, ${m.birthDate}, ${m.city}, ${m.interests}, ${m.listed}, ${m.emailAddressable}, ${m.photoKey}, ${x.now}, ${x.now}
      ${held}
      RETURNING "id"
    ), h AS (
      INSERT INTO "Handle" ("handleKey", "memberId") SELECT ${m.handleKey}, "id" FROM m RETURNING "memberId"
    ), w AS (
      INSERT INTO "MemberNameWord" ("word", "memberId") SELECT w, m."id" FROM m, unnest(${x.words}::text[]) AS w
    ), n AS (
      INSERT INTO "PhoneNumber" ("digits", "memberId", "kind", "spelled", "word", "assignedAt")
      SELECT ${x.number.digits}, h."memberId", ${x.number.kind}, ${x.number.spelled}, ${x.number.word}, ${x.now} FROM h
      RETURNING "digits"
    ), s AS (
      INSERT INTO "NumberSuffix" ("suffix", "digits") SELECT s, n."digits" FROM n, unnest(${x.number.suffixes}::text[]) AS s
    )${link}
    SELECT "id" FROM m`);
  return rows[0]?.id ?? null;
}
