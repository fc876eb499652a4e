"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** `wide`: words at every width (the phone menu has room for them; the phone header does not). */
export function SignOutButton({ wide = false }: { wide?: boolean }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await signOut({ callbackUrl: "/" });
      }}
      aria-label={busy ? "Signing out" : "Sign out"}
      className="flex items-center whitespace-nowrap rounded-lg px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-60 sm:px-3"
    >
      {/* A door icon on phones, where the header has no room for the words. */}
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className={`h-5 w-5 ${wide ? "mr-2 inline" : ""} sm:hidden`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M13 14l4-4-4-4M17 10H8" />
      </svg>
      <span className={wide ? "" : "hidden sm:inline"}>{busy ? "Signing out…" : "Sign out"}</span>
    </button>
  );
}
