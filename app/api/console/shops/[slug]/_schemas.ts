import { z } from "zod";

export const shopParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/, "Unknown shop") });

/** "12", "12.5", "12,50" → cents; a price is positive and below 100 000. */
export const price = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = String(v).trim().replace(",", ".");
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "Enter a price like 12.50" });
    return z.NEVER;
  }
  const cents = Math.round(Number(s) * 100);
  if (cents <= 0) {
    ctx.addIssue({ code: "custom", message: "The price must be more than zero" });
    return z.NEVER;
  }
  return cents;
});

export const productFields = {
  categoryId: z.string().min(1, "Choose a category").max(40),
  name: z.string().trim().min(2, "Name the product").max(80),
  description: z.string().trim().max(500).default(""),
  price,
  ageRestricted: z.boolean().default(false),
  emoji: z.string().trim().min(1).max(8).default("🛍️"),
};
