import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentMember } from "@/app/_server/session";
import { MailboxView } from "@/components/mailbox/mailbox-view";
import { GreetingManager } from "@/components/mailbox/greeting-manager";
import { db } from "@/lib/db/client";
import { ownGreetings } from "@/lib/mailbox/greetings";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { GuestMessagesSetting } from "@/components/account/guest-messages-setting";
import { accountStatus } from "@/lib/account/settings";

export const metadata: Metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  const member = await currentMember();
  if (!member) redirect("/signin?next=/mailbox");
  const greetings = await ownGreetings(await db(), member);
  const account = await accountStatus(await db(), member.id);
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="mb-6 text-2xl font-bold tracking-tight">Mailbox</h1>
      <MailboxView />
      <GreetingManager initial={greetings} maxSeconds={mailboxLimits().maxMs / 1000} />
      <GuestMessagesSetting initial={account?.acceptsGuestMessages ?? true} />
    </div>
  );
}
