"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { apiSend } from "@/components/api";
import { useAction } from "@/components/use-action";

/** For a signed-in member whose address is not confirmed yet: why it matters, and "resend". */
export function VerifyBanner({ email }: { email: string }) {
  const [sent, setSent] = useState(false);
  const { run, error, busy } = useAction();
  const pathname = usePathname() ?? "";
  // Not over a call: the call screen fills a phone's height and its controls must stay in reach.
  if (/^\/(mall\/)?call\/[^/]+$/.test(pathname)) return null;
  return (
    <div role="region" aria-label="Email confirmation" className="border-b border-amber-200 bg-amber-50" data-testid="verify-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-amber-900 sm:px-6">
        <p className="min-w-0 flex-1 basis-64">
          Confirm your email address: we sent a link to <strong className="break-all">{email}</strong>. Until then no notices or order
          confirmations go there.
        </p>
        {sent ? (
          <p role="status" className="font-medium">
            A new link is on its way.
          </p>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                await apiSend("POST", "/api/account/verification");
                setSent(true);
              })
            }
            className="rounded-lg border border-amber-400 bg-white px-3 py-1.5 font-medium hover:bg-amber-100 disabled:opacity-60"
          >
            {busy ? "Sending…" : "Resend the link"}
          </button>
        )}
        {error && (
          <p role="alert" className="w-full text-rose-700">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
