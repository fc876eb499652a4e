import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { currentGuestId } from "@/app/_server/guest-cookie";
import { currentMember } from "@/app/_server/session";
import { ShopperCall } from "@/components/mall/shopper-call";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { shopperCall } from "@/lib/mall/calls";

export const metadata: Metadata = { title: "Calling a shop — the mall" };
export const dynamic = "force-dynamic";

export default async function MallCallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[a-z0-9]{10,40}$/i.test(id)) notFound();
  const member = await currentMember();
  try {
    const view = await shopperCall({ db: await db(), bus: bus() }, id, {
      memberId: member?.id ?? null,
      guestId: member ? null : await currentGuestId(),
    });
    return <ShopperCall initial={view} signedIn={!!member} maxSeconds={mailboxLimits().maxMs / 1000} />;
  } catch (err) {
    if (err instanceof DomainError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
