import { holdToken } from "@/app/_server/hold-cookie";
import { limitNewConversations } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { createGroup } from "@/lib/groups/create-group";
import { createGroupSchema } from "@/lib/groups/schemas";
import { json } from "@/lib/http/respond";

/** Makes a group with the member as owner: its address, its number (the one held in the picker, or the next), its conversation. */
export const POST = route({ access: "member", body: createGroupSchema }, async ({ member, body }) => {
  // A group brings a conversation: counted with the member's new conversations.
  await limitNewConversations(member.id);
  const group = await createGroup(await db(), member.id, body, { holderToken: await holdToken() });
  return json({ group }, { status: 201 });
});
