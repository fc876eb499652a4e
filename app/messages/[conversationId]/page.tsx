import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { MessagesView } from "@/components/messages/messages-view";

export const metadata: Metadata = { title: "Messages" };

export default async function Conversation({
  params,
  searchParams,
}: {
  params: Promise<{ conversationId: string }>;
  searchParams: Promise<{ at?: string }>;
}) {
  const { conversationId } = await params;
  const member = await currentMember();
  if (!member) redirect(`/signin?next=/messages/${encodeURIComponent(conversationId)}`);
  const at = Number((await searchParams).at);
  return <MessagesView memberId={member.id} selected={conversationId} jumpTo={Number.isInteger(at) && at > 0 ? at : null} />;
}
