import type { BusPublisher } from "../../lib/bus";
import { db } from "../../lib/db/client";

let n = 0;

/** A member row written straight to the stack's database, for tests that call lib/ in-process. */
export async function createMember(prefix: string, name = "Member"): Promise<string> {
  const id = `${prefix}-${Date.now().toString(36)}-${n++}`;
  await (
    await db()
  ).member.create({
    data: {
      id,
      handle: id,
      handleKey: id,
      handleClaim: { create: { handleKey: id } },
      email: `${id}@${prefix}.test`,
      emailKey: `${id}@${prefix}.test`,
      passwordHash: "x",
      displayName: `${name} ${id}`,
      birthDate: new Date("1990-01-01"),
      city: "Oslo",
    },
  });
  return id;
}

/** The bus as route handlers see it, recording instead of delivering (no presence server under test). */
export function recordingBus() {
  const sent: { memberId: string; type: string; data: unknown }[] = [];
  const bus: BusPublisher = {
    toMember: async (memberId, type, data) => void sent.push({ memberId, type, data }),
    presenceChanged: async () => {},
  };
  return { bus, sent };
}
