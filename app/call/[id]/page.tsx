import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { CallScreen } from "@/components/calls/call-screen";
import { callForParty, viewFor } from "@/lib/calls/service";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await currentMember();
  if (!member) redirect(`/signin?next=${encodeURIComponent(`/call/${id}`)}`);
  const d = await db();
  try {
    const call = await callForParty(d, id, member.id);
    return <CallScreen initial={await viewFor(d, call, member.id)} />;
  } catch (err) {
    if (err instanceof DomainError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
