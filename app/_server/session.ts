import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getMemberById, type MemberProfile } from "@/lib/members/get-member";

/** The signed-in member's id, or null. */
export async function sessionMemberId(): Promise<string | null> {
  if (!hasSessionCookie((await cookies()).getAll().map((c) => c.name))) return null;
  const session = await getServerSession(authOptions());
  return session?.memberId ?? null;
}

/** The signed-in member, fresh from the database (a deleted member is signed out); once per request. */
export const currentMember = cache(async (): Promise<MemberProfile | null> => {
  const id = await sessionMemberId();
  return id ? getMemberById(await db(), id) : null;
});

export async function requireMember(): Promise<MemberProfile> {
  const m = await currentMember();
  if (!m) throw new DomainError("UNAUTHENTICATED", "Please sign in first");
  return m;
}
