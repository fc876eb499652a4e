import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { CallLoader } from "@/components/calls/call-loader";

export const metadata: Metadata = { title: "Call" };

/**
 * The call itself is read in the browser (and only by its parties, GET /api/calls/:id): a call
 * answered in the ringing dialog already holds it, so this page can be fetched while it rings and
 * shows the call the moment it is answered.
 */
export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentMember())) redirect(`/signin?next=${encodeURIComponent(`/call/${id}`)}`);
  return <CallLoader callId={id} />;
}
