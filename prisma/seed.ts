import { db, disconnectDb } from "../lib/db/client";
import { registerMember } from "../lib/members/register-member";
import { registerSchema } from "../lib/members/schemas";
import { checkVanity } from "../lib/numbers/check-vanity";
import { storage } from "../lib/storage";
import { seedContacts } from "./seed-contacts";
import { seedMessages } from "./seed-messages";
import { seedGroups } from "./seed-groups";
import { seedRouting } from "./seed-routing";
import { seedSpellings } from "./seed-spellings";
import { DEMO_MEMBERS, DEMO_PASSWORD } from "./seed-data";
import { DEMO_MERCHANTS, STAFF_NAMES, staffHandles } from "./seed-mall";

const SEED_MARKER = "seed-version";
// 2: the mall (merchants, catalogue, staff), added to a demo loaded before it existed.
// 3: demo addresses marked verified (email verification came after).
// 4: an address book for Ada (prisma/seed-contacts.ts).
// 5: conversations for Ada (prisma/seed-messages.ts).
// 8: the vanity numbers' words kept with them (prisma/seed-spellings.ts).
const SEED_VERSION = 8;

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
  const people = [
    ...DEMO_MEMBERS,
    ...DEMO_MERCHANTS.flatMap((m, i) =>
      staffHandles(m).map((handle, j) => ({
        handle,
        displayName: STAFF_NAMES[i * 3 + j]!,
        birthDate: `19${80 + ((i + j) % 15)}-0${1 + j}-1${i % 9}`,
        city: m.city,
        interests: [m.category],
        listed: true,
        vanity: undefined,
      })),
    ),
  ];
  for (const m of people) {
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
  await seedMall(client);
  await seedContacts(client);
  await seedMessages(client);
  await seedGroups(client);
  await seedRouting(client);
  await seedSpellings(client);
  // Demo addresses (example.org) cannot receive a link: they count as verified, so notices reach the outbox.
  await client.member.updateMany({
    where: { handleKey: { in: people.map((m) => m.handle.toLowerCase()) }, emailVerifiedAt: null },
    data: { emailVerifiedAt: new Date() },
  });
  await client.counter.upsert({
    where: { name: SEED_MARKER },
    create: { name: SEED_MARKER, value: SEED_VERSION },
    update: { value: SEED_VERSION },
  });
  return { created, skipped: false };
}

/** Merchants, categories, products and staff roles; skips what is already there (by slug). */
async function seedMall(client: Awaited<ReturnType<typeof db>>) {
  for (const m of DEMO_MERCHANTS) {
    const merchant =
      (await client.merchant.findUnique({ where: { slug: m.slug } })) ??
      (await client.merchant.create({
        data: { slug: m.slug, name: m.name, category: m.category, tagline: m.tagline, color: m.color, accent: m.accent, mark: m.mark },
      }));
    const handles = staffHandles(m);
    for (const [i, handle] of handles.entries()) {
      const member = await client.member.findUnique({ where: { handleKey: handle } });
      if (!member) continue;
      const role = i === 0 ? "owner" : "agent";
      await client.merchantStaff.upsert({
        where: { merchantId_memberId: { merchantId: merchant.id, memberId: member.id } },
        create: { merchantId: merchant.id, memberId: member.id, role },
        update: {},
      });
    }
    let position = 0;
    for (const [name, products] of Object.entries(m.catalogue)) {
      const category = await client.productCategory.upsert({
        where: { merchantId_name: { merchantId: merchant.id, name } },
        create: { merchantId: merchant.id, name, position: position++ },
        update: {},
      });
      for (const p of products) {
        if (await client.product.findUnique({ where: { merchantId_slug: { merchantId: merchant.id, slug: p.slug } } })) continue;
        await client.product.create({
          data: {
            merchantId: merchant.id,
            categoryId: category.id,
            slug: p.slug,
            name: p.name,
            description: p.description,
            priceCents: p.price,
            emoji: p.emoji,
            ageRestricted: p.ageRestricted ?? false,
          },
        });
      }
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await seed();
  console.log(r.skipped ? "seed: demo data already loaded" : `seed: created ${r.created} demo members`);
  await disconnectDb();
}
