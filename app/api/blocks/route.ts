import { z } from "zod";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { blockMember, listBlocked, unblockMember } from "@/lib/calls/blocks";
import { db } from "@/lib/db/client";
import { json } from "@/lib/http/respond";

const body = z.object({ handle: z.string().trim().min(1, "Say whom to block").max(64) });

export const GET = route({ access: "member" }, async ({ member }) => json({ blocked: await listBlocked(await db(), member.id) }));
export const POST = route({ access: "member", body }, async ({ member, body }) =>
  json(await blockMember({ db: await db(), bus: bus() }, member.id, body.handle)),
);
export const DELETE = route({ access: "member", body }, async ({ member, body }) =>
  json(await unblockMember({ db: await db(), bus: bus() }, member.id, body.handle)),
);
