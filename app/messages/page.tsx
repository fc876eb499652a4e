import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { MessagesView } from "@/components/messages/messages-view";

export const metadata: Metadata = { title: "Messages" };

export default async function Messages() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/messages");
  return <MessagesView memberId={member.id} selected={null} jumpTo={null} />;
}
