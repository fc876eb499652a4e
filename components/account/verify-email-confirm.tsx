"use client";

import Link from "next/link";
import { useState } from "react";
import { apiSend } from "@/components/api";
import { useAction } from "@/components/use-action";

/** Confirms the address with the link's token on a click (a mail scanner opening the link confirms nothing). */
export function VerifyEmailConfirm({ token }: { token: string }) {
  const [handle, setHandle] = useState<string | null>(null);
  const { run, error, busy } = useAction();
  if (handle) {
    return (
      <div role="status" className="rounded-2xl border border-emerald-300 bg-emerald-50 p-5" data-testid="email-verified">
        <p className="font-semibold text-emerald-900">Your email address is confirmed.</p>
        <p className="mt-1 text-sm text-emerald-800">
          Mailbox notices and order confirmations will reach you there.{" "}
          <Link href={`/${handle}`} className="font-medium underline">
            Go to your page
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
      <p className="text-slate-700">Confirm that this email address is yours.</p>
      {error && (
        <p role="alert" className="mt-3 text-sm text-rose-700" data-testid="verify-error">
          {error}
        </p>
      )}
      <button
        type="button"
        disabled={busy || !token}
        onClick={() =>
          run(async () => setHandle((await apiSend<{ handle: string }>("POST", "/api/account/verify-email", { token })).handle))
        }
        className="mt-4 w-full rounded-xl bg-brand-600 px-4 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {busy ? "Confirming…" : "Confirm my address"}
      </button>
    </div>
  );
}
