"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { ShopperView } from "@/lib/mall/views";
import { useMemberEvent } from "../calls/use-member-event";

/** A shop calling a member back (they asked, after leaving a message): a bar on whatever page they are on. */
export function CallbackNotice() {
  const [call, setCall] = useState<ShopperView | null>(null);
  const path = usePathname();
  useMemberEvent("mall-call", (c) => {
    if (c.kind !== "callback") return;
    setCall(c.status === "connected" ? c : null);
  });
  if (!call || path === `/mall/call/${call.id}`) return null;
  return (
    <div role="alert" className="bg-emerald-700 px-4 py-2 text-center text-white" data-testid="callback-notice">
      {call.merchant.name} is calling you back.{" "}
      <Link href={`/mall/call/${call.id}`} className="ml-2 rounded-full bg-white px-3 py-0.5 font-semibold text-emerald-800">
        Join the call
      </Link>
    </div>
  );
}
