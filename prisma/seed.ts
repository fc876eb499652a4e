import { db, disconnectDb } from "../lib/db/client";
import { registerMember } from "../lib/members/register-member";
import { registerSchema } from "../lib/members/schemas";
import { checkVanity } from "../lib/numbers/check-vanity";
import { storage } from "../lib/storage";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "./seed-data";

const SEED_MARKER = "seed-version";
const SEED_VERSION = 1;

/**
 * Loads the demo once: the launcher runs this on every start and it returns at
 * once when the marker says the demo is in. Members go through the same code
 * path as a real registration.
 */
export async function seed(): Promise<{ created: number; skipped: boolean }> {
  const client = await db();
  const marker = await client.counter.findUnique({ where: { name: SEED_MARKER } });
  if (marker && marker.value >= SEED_VERSION) return { created: 0, skipped: true };

  let created = 0;
  for (const m of DEMO_MEMBERS) {
    if (await client.member.findUnique({ where: { handleKey: m.handle } })) continue;
    let number: string | undefined;
    if (m.vanity) {
      const check = await checkVanity(client, { input: m.vanity, position: "end" });
      number = check.requested?.status === "free" ? check.requested.digits : check.suggestions[0]?.digits;
    }
    const input = registerSchema.parse({
      displayName: m.displayName,
      handle: m.handle,
      email: `${m.handle}@example.org`,
      password: DEMO_PASSWORD,
      birthDate: m.birthDate,
      city: m.city,
      interests: m.interests,
      listed: m.listed ?? true,
      emailAddressable: true,
      number,
    });
    await registerMember(client, input, { storage: storage() });
    created++;
  }
  await client.counter.upsert({
    where: { name: SEED_MARKER },
    create: { name: SEED_MARKER, value: SEED_VERSION },
    update: { value: SEED_VERSION },
  });
  return { created, skipped: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await seed();
  console.log(r.skipped ? "seed: demo data already loaded" : `seed: created ${r.created} demo members`);
  await disconnectDb();
}
