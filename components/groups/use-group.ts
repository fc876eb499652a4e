"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { GroupView } from "@/lib/groups/get-group";
import { apiGet } from "../api";
import { useMemberEvent } from "../calls/use-member-event";

export const groupKey = (handle: string) => ["group", handle.toLowerCase()] as const;

/** The group as the server shows this viewer, fetched again whenever its people change (the `group` event). */
export function useGroup(initial: GroupView) {
  const qc = useQueryClient();
  const key = groupKey(initial.handle);
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) => (await apiGet<{ group: GroupView }>(`/api/groups/${encodeURIComponent(initial.handle)}`, signal)).group,
    initialData: initial,
    staleTime: 30_000,
  });
  useMemberEvent("group", (d) => {
    if (d.groupId === initial.id) void qc.invalidateQueries({ queryKey: key });
  });
  return { group: query.data, refresh: () => qc.invalidateQueries({ queryKey: key }) };
}
