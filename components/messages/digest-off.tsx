"use client";

import Link from "next/link";
import { useState } from "react";
import { apiSend } from "../api";
import { useAction } from "../use-action";

/** The page a digest's "stop these emails" link opens: one click confirms (a mail scanner following the link changes nothing). */
export function DigestOff({ m, t }: { m: string; t: string }) {
  const action = useAction();
  const [done, setDone] = useState(false);
  if (done)
    return (
      <p className="rounded-xl bg-emerald-50 p-4 text-emerald-900" role="status" data-testid="digest-off-done">
        Done: no more emails about unread messages. You can turn them back on from{" "}
        <Link href="/messages" className="underline">
          Messages
        </Link>
        .
      </p>
    );
  return (
    <div className="space-y-3">
      <p>Stop emailing me about unread messages while I am away?</p>
      <button
        type="button"
        disabled={action.busy}
        onClick={() => void action.run(async () => void (await apiSend("POST", "/api/messages/digest/off", { m, t }), setDone(true)))}
        className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        Stop these emails
      </button>
      {action.error && (
        <p role="alert" className="text-rose-700">
          {action.error}
        </p>
      )}
    </div>
  );
}
