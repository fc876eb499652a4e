"use client";

import { useQuery } from "@tanstack/react-query";
import type { MerchantCard } from "@/lib/mall/catalogue";
import type { VisitorView } from "@/lib/mall/visits";
import { apiGet } from "../api";
import { Skyline } from "./skyline";
import { useMallVisit } from "./visit-beacon";

/** The skyline, kept live: who is free, the waits, and the shoppers walking the mall. */
export function LiveSkyline({ merchants }: { merchants: MerchantCard[] }) {
  useMallVisit(null);
  const { data } = useQuery({
    queryKey: ["mall-live"],
    queryFn: ({ signal }) => apiGet<{ merchants: MerchantCard[]; visitors: VisitorView[] }>("/api/mall/live", signal),
    refetchInterval: 4000,
  });
  return <Skyline merchants={data?.merchants ?? merchants} visitors={data?.visitors ?? []} />;
}
