"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiSend } from "../api";

/** "Email me unread messages when I am away": the member's switch for the digest. */
export function DigestSetting() {
  const qc = useQueryClient();
  const key = ["messages", "digest"];
  const q = useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<{ on: boolean }>("/api/messages/digest", signal) });
  const change = useMutation({
    mutationFn: (on: boolean) => apiSend<{ on: boolean }>("POST", "/api/messages/digest", { on }),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  return (
    <label className="flex items-start gap-2 border-t border-slate-200 p-3 text-sm text-slate-700">
      <input
        type="checkbox"
        className="mt-0.5"
        checked={q.data?.on ?? true}
        disabled={q.isPending || change.isPending}
        onChange={(e) => change.mutate(e.target.checked)}
        data-testid="digest-setting"
      />
      <span>
        Email me about unread messages when I am away
        {change.isError && (
          <span role="alert" className="block text-rose-700">
            Not saved: {change.error.message}
          </span>
        )}
      </span>
    </label>
  );
}
