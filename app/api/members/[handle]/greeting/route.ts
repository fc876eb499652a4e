import { z } from "zod";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { chosenSlot, greetingFile } from "@/lib/mailbox/greetings";
import { getMemberByHandle } from "@/lib/members/get-member";
import { streamFile } from "../../../mailbox/_stream";

const params = z.object({ handle: z.string().min(1).max(64) });
const query = z.object({
  slot: z.enum(["standard", "temporary"]).optional(),
  v: z.string().max(20).optional(),
  /** The caller's unanswered call: the greeting the member's rule chose for it. */
  call: z.string().max(40).optional(),
});

/** A member's greeting is what every caller hears before leaving a message: public, like their page. */
export const GET = route({ access: "public", withMember: true, params, query }, async ({ req, params, query, member }) => {
  const client = await db();
  const m = await getMemberByHandle(client, params.handle);
  if (!m) throw new DomainError("NOT_FOUND", "No member has that address.");
  const own = member?.id === m.id;
  const chosen = query.call ? await chosenSlot(client, m.id, query.call, member?.id ?? null) : null;
  if (chosen) return streamFile(req, await greetingFile(client, m.id, new Date(), chosen, true), { cache: "private, no-store" });
  // At most a minute of caching, and never shared for the owner's view of an ended temporary greeting.
  return streamFile(req, await greetingFile(client, m.id, new Date(), query.slot, own), {
    cache: own ? "private, no-store" : "public, max-age=60",
  });
});
