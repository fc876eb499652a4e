"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import { apiSend } from "../api";
import { Avatar } from "../avatar";
import { useAction } from "../use-action";
import { messageKeys } from "./message-provider";
import { PeoplePicker } from "./people-picker";

/** A group's people: who is in it, add from one's contacts, leave. */
export function GroupMenu({ conversation }: { conversation: ConversationSummary }) {
  const qc = useQueryClient();
  const router = useRouter();
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const path = `/api/messages/${encodeURIComponent(conversation.id)}/members`;
  const refresh = () => qc.invalidateQueries({ queryKey: messageKeys.all });
  return (
    <details className="relative">
      <summary
        className="cursor-pointer list-none rounded-lg px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
        data-testid="group-people"
      >
        {conversation.others.length + 1} {conversation.others.length ? "people" : "person"}
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-72 space-y-2 rounded-xl bg-white p-3 shadow-lg ring-1 ring-slate-200">
        <ul className="max-h-56 space-y-1 overflow-y-auto" aria-label="People in the group">
          <li className="text-sm text-slate-600">You</li>
          {conversation.others.map((o) => (
            <li key={o.id} className="flex items-center gap-2 text-sm">
              <Avatar name={o.displayName} photoUrl={o.photoUrl} size={24} />
              {o.displayName}
            </li>
          ))}
        </ul>
        {conversation.groupHandle ? (
          <p className="border-t border-slate-200 pt-2 text-sm">
            <Link href={`/${conversation.groupHandle}`} className="font-medium text-brand-700 hover:underline">
              The group&apos;s page
            </Link>
            : people join and leave there.
          </p>
        ) : adding ? (
          <div className="space-y-2 border-t border-slate-200 pt-2">
            <PeoplePicker exclude={new Set(conversation.others.map((o) => o.id))} chosen={chosen} onChange={setChosen} />
            <button
              type="button"
              disabled={action.busy || chosen.size === 0}
              onClick={() =>
                void action.run(async () => {
                  await apiSend("POST", path, { memberIds: [...chosen] });
                  setChosen(new Set());
                  setAdding(false);
                  await refresh();
                })
              }
              className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
            >
              Add {chosen.size || ""}
            </button>
          </div>
        ) : (
          <div className="flex justify-between border-t border-slate-200 pt-2">
            <button type="button" onClick={() => setAdding(true)} className="text-sm font-medium text-brand-700 hover:underline">
              Add people
            </button>
            <button
              type="button"
              onClick={() =>
                window.confirm(`Leave “${conversation.title}”? You will not get its messages any more.`) &&
                void action.run(async () => {
                  await apiSend("DELETE", path);
                  await refresh();
                  router.push("/messages");
                })
              }
              className="text-sm font-medium text-rose-700 hover:underline"
            >
              Leave group
            </button>
          </div>
        )}
        {action.error && (
          <p role="alert" className="text-sm text-rose-700">
            {action.error}
          </p>
        )}
      </div>
    </details>
  );
}
