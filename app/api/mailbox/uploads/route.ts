import { z } from "zod";
import { route } from "@/app/_server/route";
import { DomainError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/rate-limit";
import { json } from "@/lib/http/respond";
import { getMemberByHandle } from "@/lib/members/get-member";
import { createUpload } from "@/lib/mailbox/uploads";
import { limitGreetings, limitLookup } from "@/app/_server/limits";
import { mailboxDeps } from "../_deps";

const body = z.discriminatedUnion("purpose", [
  z.object({
    purpose: z.literal("message"),
    to: z.string().trim().min(1).max(64),
    kind: z.enum(["video", "voice"]),
    length: z.number().int().positive("The recording is empty"),
    guestName: z.string().trim().min(1, "Please give your name").max(80).optional(),
    guestEmail: z
      .email("That email address does not look right")
      .max(200)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    callId: z.string().max(40).optional(),
  }),
  z.object({
    purpose: z.literal("greeting"),
    kind: z.enum(["video", "voice"]),
    length: z.number().int().positive("The recording is empty"),
    slot: z.enum(["standard", "temporary"]).default("standard"),
    endsAt: z.coerce.date().optional(),
  }),
]);

/** Opens an upload: anyone may leave a message (guests give a name); only a member records a greeting. */
export const POST = route({ access: "public", withMember: true, body, rateLimit: limitLookup }, async ({ req, body, member }) => {
  const deps = await mailboxDeps();
  if (body.purpose === "greeting") {
    if (!member) throw new DomainError("UNAUTHENTICATED", "Sign in to record your greeting.");
    await limitGreetings(member.id);
    const up = await createUpload(deps, {
      purpose: "greeting",
      ownerId: member.id,
      kind: body.kind,
      length: body.length,
      slot: body.slot,
      endsAt: body.endsAt,
    });
    return json(up, { status: 201 });
  }
  const owner = await getMemberByHandle(deps.db, body.to);
  if (!owner) throw new DomainError("NOT_FOUND", "No member has that address.");
  const up = await createUpload(deps, {
    purpose: "message",
    ownerId: owner.id,
    kind: body.kind,
    length: body.length,
    senderId: member?.id ?? null,
    address: clientAddress(req),
    guestName: body.guestName,
    guestEmail: body.guestEmail,
    callId: body.callId,
  });
  return json(up, { status: 201 });
});
