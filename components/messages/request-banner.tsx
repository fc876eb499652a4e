"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ConversationSummary } from "@/lib/messages/list-conversations";
import { apiSend } from "../api";
import { useAction } from "../use-action";
import { conversationName } from "./conversation-list";
import { messageKeys } from "./message-provider";

/** A stranger wrote first: accept to answer, decline to hide it, or block them. */
export function RequestBanner({ conversation }: { conversation: ConversationSummary }) {
  const qc = useQueryClient();
  const router = useRouter();
  const action = useAction();
  const name = conversationName(conversation);
  const answer = (a: "accept" | "decline" | "block") =>
    action.run(async () => {
      await apiSend("POST", `/api/messages/${encodeURIComponent(conversation.id)}/answer`, { answer: a });
      await qc.invalidateQueries({ queryKey: messageKeys.all });
      if (a !== "accept") router.push("/messages");
    });
  return (
    <div className="border-b border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="request-banner">
      {conversation.kind === "group" ? (
        <p>
          Someone not in your contacts added you to <strong>{name}</strong>. Nobody there will know you have read it until you accept.
        </p>
      ) : (
        <p>
          <strong>{name}</strong> is not in your contacts and wants to message you. They will not know you have read this until you accept.
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void answer("accept")}
          className="rounded-lg bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700"
        >
          Accept
        </button>
        <button
          type="button"
          disabled={action.busy}
          onClick={() => void answer("decline")}
          className="rounded-lg bg-white px-3 py-1.5 font-medium ring-1 ring-slate-300 hover:bg-slate-50"
        >
          Decline
        </button>
        {conversation.kind === "direct" && (
          <button
            type="button"
            disabled={action.busy}
            onClick={() => window.confirm(`Block ${name}? They will not be able to call or message you.`) && void answer("block")}
            className="rounded-lg bg-white px-3 py-1.5 font-medium text-rose-700 ring-1 ring-rose-300 hover:bg-rose-50"
          >
            Block
          </button>
        )}
      </div>
      {action.error && (
        <p role="alert" className="mt-2 text-rose-700">
          {action.error}
        </p>
      )}
    </div>
  );
}
