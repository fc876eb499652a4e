"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { PresenceSetting } from "@/lib/presence/status";
import { apiSend } from "../api";
import { useSelfPresence } from "./presence-provider";
import { Dot, STATUS_LABEL } from "./status-dot";

const OPTIONS: { value: PresenceSetting; label: string; hint: string }[] = [
  { value: "online", label: "Online", hint: "Others see you and can call" },
  { value: "away", label: "Away", hint: "Shown as away" },
  { value: "dnd", label: "Do not disturb", hint: "Calls go to your mailbox" },
  { value: "invisible", label: "Invisible", hint: "Shown as offline to everyone" },
];

/** The member's own status, and the menu to change it. */
export function StatusMenu({ initial }: { initial: PresenceSetting }) {
  const self = useSelfPresence();
  const [open, setOpen] = useState(false);
  const [setting, setSetting] = useState<PresenceSetting>(initial);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const current = self?.setting ?? setting;
  const shown = current === "invisible" ? "offline" : (self?.status ?? "online");

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  async function choose(value: PresenceSetting) {
    setOpen(false);
    setError(null);
    const before = setting;
    setSetting(value);
    try {
      await apiSend("PUT", "/api/presence/status", { setting: value });
    } catch (err) {
      setSetting(before);
      setError((err as Error).message);
    }
  }

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm hover:bg-slate-100"
        data-testid="status-menu"
        data-setting={current}
        data-status={shown}
      >
        <Dot status={shown} />
        <span className="hidden sm:inline">{current === "invisible" ? "Invisible" : STATUS_LABEL[shown]}</span>
        <span className="sr-only">: change your status</span>
      </button>
      {open && (
        <ul role="menu" className="absolute right-0 z-20 mt-1 w-60 rounded-xl border border-slate-200 bg-white p-1 shadow-lg">
          {OPTIONS.map((o) => (
            <li key={o.value} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={current === o.value}
                onClick={() => void choose(o.value)}
                className="flex w-full items-start gap-3 rounded-lg px-3 py-2 text-left hover:bg-slate-50"
              >
                <span className="mt-1">
                  <Dot status={o.value === "invisible" ? "offline" : o.value} />
                </span>
                <span>
                  <span className="block text-sm font-medium">{o.label}</span>
                  <span className="block text-xs text-slate-600">{o.hint}</span>
                </span>
              </button>
            </li>
          ))}
          {/* Who rings through do-not-disturb, and what happens while away, is set there. */}
          <li role="none" className="mt-1 border-t border-slate-200 pt-1">
            <Link
              href="/settings/calls"
              role="menuitem"
              onClick={() => setOpen(false)}
              className="block rounded-lg px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              data-testid="status-menu-routing"
            >
              Call routing…
            </Link>
          </li>
        </ul>
      )}
      {error && (
        <p role="alert" className="absolute right-0 mt-1 w-60 rounded bg-red-50 p-2 text-xs text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
