"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { AvailableNotice } from "./available-notice";
import { ContactPanel } from "./contact-panel";
import { OPEN_CONTACTS_EVENT } from "./open-contacts-button";
import { useBook, useRosterSync } from "./use-book";

const FOLDED_KEY = "portal-contacts-folded";
/** Pages that are the whole screen's work (a call, the agent console) or already show the book. */
const HIDDEN_ON = [/^\/call\//, /^\/console/, /^\/contacts/];

/**
 * The contact panel on every page for a signed-in member: a sidebar on wide screens that folds away
 * to a rail, and a button that opens it as a drawer on a phone.
 */
export function ContactDock() {
  const path = usePathname() ?? "";
  const [folded, setFolded] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const book = useBook();
  useRosterSync();
  const requests = (book.data?.entries ?? []).filter((e) => e.pendingIn).length;
  useEffect(() => {
    try {
      setFolded(localStorage.getItem(FOLDED_KEY) === "1");
    } catch {
      /* no storage: unfolded */
    }
  }, []);
  const fold = (v: boolean) => {
    setFolded(v);
    try {
      localStorage.setItem(FOLDED_KEY, v ? "1" : "0");
    } catch {
      /* kept for this page only */
    }
  };
  useEffect(() => setDrawer(false), [path]);
  useEffect(() => {
    const open = () => setDrawer(true);
    window.addEventListener(OPEN_CONTACTS_EVENT, open);
    return () => window.removeEventListener(OPEN_CONTACTS_EVENT, open);
  }, []);
  if (HIDDEN_ON.some((r) => r.test(path)))
    return (
      <>
        {drawer && <Drawer onClose={() => setDrawer(false)} />}
        <AvailableNotice />
      </>
    );
  const badge = requests > 0 && (
    <span className="ml-1 rounded-full bg-amber-700 px-1.5 text-xs font-semibold text-white" role="img" aria-label={`${requests} requests`}>
      {requests}
    </span>
  );
  return (
    <>
      <aside aria-labelledby="dock-title" className="hidden shrink-0 lg:block" data-testid="contact-dock" data-folded={folded ? "1" : "0"}>
        {folded ? (
          <button
            type="button"
            onClick={() => fold(false)}
            className="sticky top-4 mt-6 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
            aria-expanded="false"
            aria-controls="dock-body"
          >
            <span id="dock-title">Contacts</span>
            {badge}
          </button>
        ) : (
          <div
            id="dock-body"
            className="sticky top-4 mt-6 flex max-h-[calc(100vh-2rem)] w-72 flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
          >
            <ContactPanel headingId="dock-title" />
            <button
              type="button"
              onClick={() => fold(true)}
              className="mt-3 self-start rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100"
              aria-expanded="true"
              aria-controls="dock-body"
            >
              Fold away
            </button>
          </div>
        )}
      </aside>
      {drawer && <Drawer onClose={() => setDrawer(false)} />}
      <AvailableNotice />
    </>
  );
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** A modal drawer: focus moves in once, Tab stays inside, Escape closes, and focus goes back to the opener. */
function Drawer({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") return onCloseRef.current();
      if (e.key !== "Tab" || !dialog.current) return;
      const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      opener?.focus();
    };
  }, []);
  return (
    <div className="fixed inset-0 z-40 lg:hidden">
      <div className="absolute inset-0 bg-slate-900/40" onClick={onClose} aria-hidden="true" />
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="drawer-title"
        className="absolute inset-y-0 right-0 flex w-full max-w-sm flex-col bg-white p-4 shadow-xl"
      >
        <button
          ref={close}
          type="button"
          onClick={onClose}
          className="mb-2 self-end rounded-md px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Close
        </button>
        <ContactPanel headingId="drawer-title" />
      </div>
    </div>
  );
}
