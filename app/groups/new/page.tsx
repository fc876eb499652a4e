import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { NewGroupForm } from "@/components/groups/new-group-form";

export const metadata: Metadata = { title: "New group" };

export default async function NewGroupPage() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/groups/new");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">A group of your own</h1>
      <p className="mt-2 text-slate-700">
        A team, a club, a company or a family: its own address, its own permanent number, a page where everyone is live, a conversation and
        a video room.
      </p>
      <div className="mt-8">
        <NewGroupForm />
      </div>
    </div>
  );
}
