"use client";

import { useState } from "react";
import { apiSend } from "@/components/api";
import { useAction } from "@/components/use-action";

/** Whether signed-out visitors may leave messages (the server enforces it; a blocked member signed out is one). */
export function GuestMessagesSetting({ initial }: { initial: boolean }) {
  const [accepts, setAccepts] = useState(initial);
  const { run, error, busy } = useAction();
  return (
    <section
      aria-labelledby="guest-messages-title"
      className="mt-8 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
      data-testid="guest-messages-setting"
    >
      <h2 id="guest-messages-title" className="text-lg font-semibold">
        Messages from guests
      </h2>
      <label className="mt-3 flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 h-5 w-5"
          checked={accepts}
          aria-busy={busy}
          onChange={(e) => {
            const next = e.target.checked;
            // Shown at once; put back if the server refuses.
            setAccepts(next);
            void run(async () => {
              const r = await apiSend<{ acceptsGuestMessages: boolean }>("PUT", "/api/account/guest-messages", { accepts: next });
              setAccepts(r.acceptsGuestMessages);
            }).then((ok) => {
              if (!ok) setAccepts(!next);
            });
          }}
        />
        <span>
          <span className="font-medium">Let people who are not signed in leave me messages</span>
          <span className="block text-sm text-slate-600">
            When off, guests are asked to sign in first; members you blocked cannot reach you either way.
          </span>
        </span>
      </label>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      )}
    </section>
  );
}
