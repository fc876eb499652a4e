"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { apiSend } from "../api";
import { useAction } from "../use-action";
import { messageKeys } from "./message-provider";
import { PeoplePicker } from "./people-picker";

const NOBODY = new Set<string>();

/** "New group": a name and people from the member's contacts. */
export function NewGroupButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
        data-testid="new-group"
      >
        New group
      </button>
      {open && <NewGroupDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const qc = useQueryClient();
  const action = useAction();
  const [title, setTitle] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  useEffect(() => ref.current?.showModal(), []);
  const create = () =>
    action.run(async () => {
      const made = await apiSend<{ conversationId: string }>("POST", "/api/messages/groups", { title, memberIds: [...chosen] });
      await qc.invalidateQueries({ queryKey: messageKeys.all });
      ref.current?.close();
      router.push(`/messages/${made.conversationId}`);
    });
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      className="w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-0 backdrop:bg-black/40"
      aria-labelledby="new-group-title"
    >
      <form
        method="dialog"
        className="space-y-3 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id="new-group-title" className="text-lg font-semibold">
          New group conversation
        </h2>
        <label className="block">
          <span className="mb-1 block text-sm font-medium">Name</span>
          <input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={80}
            required
            className="w-full rounded-lg border border-slate-300 px-3 py-2"
            data-testid="group-title"
          />
        </label>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">People ({chosen.size} chosen, up to 99)</legend>
          <PeoplePicker exclude={NOBODY} chosen={chosen} onChange={setChosen} />
        </fieldset>
        {action.error && (
          <p role="alert" className="text-sm text-rose-700">
            {action.error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="rounded-lg px-3 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={action.busy || !title.trim() || chosen.size === 0}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
            data-testid="create-group"
          >
            {action.busy ? "Creating…" : "Create"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
