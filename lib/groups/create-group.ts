import type { Db } from "../db/client";
import { uniqueViolationFields } from "../db/unique-violation";
import { DomainError } from "../errors";
import { hashPassword } from "../auth/password";
import { nameKey } from "../directory/search-keys";
import { allocateSequential } from "../numbers/allocate-sequential";
import { formatNumber } from "../numbers/format";
import { showNumber } from "../numbers/spelling";
import { newNumber, spellingOfHold } from "../numbers/new-number";
import type { CreateGroupInput } from "./schemas";

export const MAX_GROUPS_OWNED = 20;

export type CreatedGroup = { id: string; handle: string; number: string; formattedNumber: string };

/**
 * Makes a group with its maker as owner: its handle claimed in the namespace members share
 * (Handle), its permanent number from the members' sequence or a vanity number the maker holds, and
 * its conversation. One nested create: the database's unique keys, not an earlier read, decide a
 * race for a handle or a number, and a lost race leaves nothing behind.
 */
export async function createGroup(
  db: Db,
  ownerId: string,
  input: CreateGroupInput,
  opts: { holderToken?: string | null; now?: Date },
): Promise<CreatedGroup> {
  const now = opts.now ?? new Date();
  // Addresses and numbers are permanent: one account does not hoard them.
  if ((await db.groupMember.count({ where: { memberId: ownerId, role: "owner" } })) >= MAX_GROUPS_OWNED) {
    throw new DomainError("CONFLICT", `You own ${MAX_GROUPS_OWNED} groups, the most one member may; hand one over to make another`);
  }
  const handleKey = input.handle.toLowerCase();
  const passwordHash = input.password ? await hashPassword(input.password) : null;

  const create = async (digits: string, kind: "vanity" | "sequential", spelled: string | null = null): Promise<CreatedGroup | false> => {
    try {
      const g = await db.group.create({
        data: {
          handle: input.handle,
          handleKey,
          name: input.name,
          nameKey: nameKey(input.name),
          description: input.description,
          listed: input.listed,
          access: input.access,
          passwordHash,
          handleClaim: { create: { handleKey } },
          number: { create: newNumber(digits, kind, spelled) },
          members: { create: { memberId: ownerId, role: "owner" } },
          conversation: { create: { kind: "group", title: input.name, members: { create: { memberId: ownerId } } } },
        },
        select: { id: true, handle: true },
      });
      return { id: g.id, handle: g.handle, number: digits, formattedNumber: showNumber(digits, spelled) };
    } catch (err) {
      const fields = uniqueViolationFields(err);
      if (!fields) throw err;
      const has = (f: string) => fields.some((x) => x === f || x.includes(f));
      if (has("handleKey"))
        throw new DomainError("HANDLE_TAKEN", `The address /${input.handle} is taken; please choose another`, { field: "handle" });
      if (kind === "sequential") return false;
      throw new DomainError("NUMBER_TAKEN", `${formatNumber(digits)} was just taken; please pick another`, { field: "number" });
    }
  };

  if (input.number) {
    const digits = input.number;
    const hold = await db.numberHold.findUnique({ where: { digits } });
    if (hold && hold.expiresAt > now && hold.holderToken !== opts.holderToken) {
      throw new DomainError("NUMBER_HELD", `${formatNumber(digits)} is being taken by someone else; please pick another`, {
        field: "number",
      });
    }
    // The spelling the picker held it with, from this browser's hold only.
    const spelled = spellingOfHold(hold, opts.holderToken);
    const made = await create(digits, "vanity", spelled);
    if (made === false) throw new Error("unreachable: a vanity create returned false");
    await db.numberHold.deleteMany({ where: { digits } });
    return made;
  }
  return allocateSequential(db, async (digits) => {
    if (await db.numberHold.findFirst({ where: { digits, expiresAt: { gt: now } }, select: { digits: true } })) return false;
    return create(digits, "sequential");
  });
}
