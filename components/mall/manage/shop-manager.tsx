"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ShopAdmin } from "@/lib/mall/shop-admin";
import { apiGet } from "../../api";
import { CatalogueEditor } from "./catalogue-editor";
import { StatsTable } from "./stats-table";
import { TeamEditor } from "./team-editor";

/** The owner's page: figures first (what they check daily), then the team and the catalogue. */
export function ShopManager({ initial }: { initial: ShopAdmin }) {
  const qc = useQueryClient();
  const key = ["shop-admin", initial.shop.slug];
  const { data = initial } = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiGet<ShopAdmin>(`/api/console/shops/${initial.shop.slug}`, signal),
    initialData: initial,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold tracking-tight">{data.shop.name}</h1>
      <StatsTable stats={data.stats} />
      <TeamEditor slug={data.shop.slug} staff={data.staff} onChange={refresh} />
      <CatalogueEditor slug={data.shop.slug} categories={data.categories} onChange={refresh} />
    </div>
  );
}
