import { z } from "zod";
import { limitMallCalls } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { requestCallback } from "@/lib/mall/calls";
import { json } from "@/lib/http/respond";
import { mallDeps } from "../_deps";

/** A registered shopper asks the shop to call back when an agent is free. */
export const POST = route(
  { access: "member", body: z.object({ merchant: z.string().trim().min(1).max(64) }), rateLimit: limitMallCalls },
  async ({ member, body }) => {
    const id = await requestCallback(await mallDeps(), { merchantSlug: body.merchant, memberId: member.id, name: member.displayName });
    return json({ id }, { status: 201 });
  },
);
