import { route } from "@/app/_server/route";
import { json } from "@/lib/http/respond";
import { shopAdmin } from "@/lib/mall/shop-admin";
import { mallDeps } from "../../../mall/_deps";
import { shopParams } from "./_schemas";

/** Everything the owner's page shows: the catalogue, the team and the figures. Owners only. */
export const GET = route({ access: "member", params: shopParams }, async ({ member, params }) => {
  const { db } = await mallDeps();
  return json(await shopAdmin(db, member.id, params.slug));
});
