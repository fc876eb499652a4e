import { z } from "zod";
import { route } from "@/app/_server/route";
import { searchProducts } from "@/lib/mall/manage";
import { json } from "@/lib/http/respond";
import { mallDeps } from "../../mall/_deps";

const query = z.object({ merchant: z.string().trim().min(1).max(64), q: z.string().trim().max(80).default("") });

/** The agent's product search, within a shop they work for. */
export const GET = route({ access: "member", query }, async ({ member, query }) => {
  const { db } = await mallDeps();
  return json({ products: await searchProducts(db, member.id, query.merchant, query.q) });
});
