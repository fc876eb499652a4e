import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";
import { isSetting, type PresenceSetting } from "../presence/status";

export type MemberProfile = {
  id: string;
  handle: string;
  displayName: string;
  city: string;
  interests: string[];
  photoUrl: string | null;
  number: string | null;
  formattedNumber: string | null;
  listed: boolean;
  presenceSetting: PresenceSetting;
  createdAt: Date;
};

const select = {
  id: true,
  handle: true,
  displayName: true,
  city: true,
  interests: true,
  photoKey: true,
  listed: true,
  createdAt: true,
  presenceSetting: true,
  number: { select: SHOWN_NUMBER },
} as const;

type Row = {
  id: string;
  handle: string;
  displayName: string;
  city: string;
  interests: string;
  photoKey: string | null;
  listed: boolean;
  createdAt: Date;
  presenceSetting: string;
  number: { digits: string; spelled: string | null } | null;
};

function parseInterests(raw: string): string[] {
  try {
    const v = JSON.parse(raw);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function toProfile(m: Row): MemberProfile {
  return {
    id: m.id,
    handle: m.handle,
    displayName: m.displayName,
    city: m.city,
    interests: parseInterests(m.interests),
    photoUrl: m.photoKey ? `/api/members/${encodeURIComponent(m.handle)}/photo` : null,
    number: m.number?.digits ?? null,
    formattedNumber: shownNumber(m.number),
    listed: m.listed,
    presenceSetting: isSetting(m.presenceSetting) ? m.presenceSetting : "online",
    createdAt: m.createdAt,
  };
}

export async function getMemberByHandle(db: Db, handle: string): Promise<MemberProfile | null> {
  const m = await db.member.findUnique({ where: { handleKey: handle.toLowerCase() }, select });
  return m ? toProfile(m) : null;
}

export async function getMemberById(db: Db, id: string): Promise<MemberProfile | null> {
  const m = await db.member.findUnique({ where: { id }, select });
  return m ? toProfile(m) : null;
}

/** The handle (a member's or a group's) a /<number> or /<email> address points to; emails only where the member allows it. */
export async function resolveAddress(db: Db, address: { digits?: string; email?: string }): Promise<string | null> {
  if (address.digits) {
    const n = await db.phoneNumber.findUnique({
      where: { digits: address.digits },
      select: { member: { select: { handle: true } }, group: { select: { handle: true } } },
    });
    return n?.member?.handle ?? n?.group?.handle ?? null;
  }
  if (address.email) {
    const m = await db.member.findUnique({
      where: { emailKey: address.email.toLowerCase() },
      select: { handle: true, emailAddressable: true },
    });
    return m?.emailAddressable ? m.handle : null;
  }
  return null;
}

export async function getMemberPhoto(db: Db, handle: string): Promise<string | null> {
  const m = await db.member.findUnique({ where: { handleKey: handle.toLowerCase() }, select: { photoKey: true } });
  return m?.photoKey ?? null;
}
