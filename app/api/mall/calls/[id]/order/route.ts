import { z } from "zod";
import { route } from "@/app/_server/route";
import { changeOrder } from "@/lib/mall/orders";
import { orderPartyOf } from "@/lib/mall/ownership";
import { json } from "@/lib/http/respond";
import { orderDeps, shopperIdentity } from "../../../_deps";

const op = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("add"), productId: z.string().min(1).max(40), quantity: z.number().int().min(1).max(99).default(1) }),
    z.object({ type: z.literal("set-quantity"), productId: z.string().min(1).max(40), quantity: z.number().int().min(0).max(99) }),
    z.object({ type: z.literal("remove"), productId: z.string().min(1).max(40) }),
    z.object({ type: z.literal("request-age") }),
    z.object({ type: z.literal("verify-age") }),
    z.object({ type: z.literal("refuse-age"), reason: z.string().trim().max(200).default("") }),
    // The version the shopper reviewed: a signature binds exactly that order.
    z.object({
      type: z.literal("sign"),
      name: z.string().max(120),
      email: z.string().trim().max(200).optional(),
      version: z.number({ error: "version: sign the order version you reviewed" }).int().min(0),
    }),
    z.object({ type: z.literal("confirm") }),
  ],
  { error: "Unknown order change" },
);

/** One change to the call's order, by its agent or its shopper (the rules decide who may do what). */
export const POST = route(
  { access: "public", withMember: true, params: z.object({ id: z.string().min(1).max(40) }), body: op },
  async ({ member, params, body }) => {
    const deps = await orderDeps();
    const party = await orderPartyOf(deps.db, { callId: params.id, who: await shopperIdentity(member) });
    const change =
      body.type === "add"
        ? {
            type: "add" as const,
            quantity: body.quantity,
            product: { productId: body.productId, name: "", priceCents: 0, ageRestricted: false },
          }
        : body;
    return json(await changeOrder(deps, { callId: params.id, party, op: change }));
  },
);
