import { z } from "zod";

/** A string field whose absence gets a message a person can act on. */
const text = (missing: string) => z.string({ error: (iss) => (iss.input === undefined ? missing : "Must be text") });

/** Words a handle may not be, because they are (or will be) pages of the portal. */
export const RESERVED_HANDLES = new Set([
  "api",
  "app",
  "admin",
  "about",
  "auth",
  "call",
  "calls",
  "console",
  "contact",
  "contacts",
  "go",
  "group",
  "groups",
  "messages",
  "directory",
  "help",
  "home",
  "login",
  "logout",
  "mail",
  "mailbox",
  "mall",
  "me",
  "member",
  "members",
  "merchant",
  "merchants",
  "new",
  "number",
  "numbers",
  "privacy",
  "register",
  "settings",
  "signin",
  "signout",
  "signup",
  "static",
  "support",
  "terms",
  "www",
  "verify-email",
  "account",
  "_next",
  "favicon",
  "robots",
  "sitemap",
]);

export const handleSchema = text("Choose a handle")
  .trim()
  .min(3, "A handle has at least 3 characters")
  .max(30, "A handle has at most 30 characters")
  .regex(/^[A-Za-z0-9-]+$/, "A handle has only letters, digits and dashes")
  .regex(/^[A-Za-z]/, "A handle starts with a letter")
  .refine((h) => !h.endsWith("-") && !h.includes("--"), "A handle cannot end with a dash or have two in a row")
  .refine((h) => !RESERVED_HANDLES.has(h.toLowerCase()), "That handle is reserved; please choose another");

export const emailSchema = text("Enter your email address")
  .trim()
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = text("Choose a password")
  .min(10, "A password has at least 10 characters")
  .max(200, "A password has at most 200 characters");

const MIN_AGE = 13;

export function ageOn(birthDate: Date, today: Date): number {
  let age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const m = today.getUTCMonth() - birthDate.getUTCMonth();
  if (m < 0 || (m === 0 && today.getUTCDate() < birthDate.getUTCDate())) age--;
  return age;
}

export const birthDateSchema = text("Enter your date of birth")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter your date of birth as YYYY-MM-DD")
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: "custom", message: "That date does not exist" });
      return z.NEVER;
    }
    const age = ageOn(d, new Date());
    if (age < 0) ctx.addIssue({ code: "custom", message: "Your date of birth cannot be in the future" });
    else if (age < MIN_AGE) ctx.addIssue({ code: "custom", message: `You must be at least ${MIN_AGE} to register` });
    else if (age > 130) ctx.addIssue({ code: "custom", message: "Please check the year of your date of birth" });
    return d;
  });

const interestSchema = z.string().trim().min(1).max(32, "An interest has at most 32 characters");

/** Interests arrive as a list or as one comma-separated string from a plain form. */
export const interestsSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")))
  .transform((list) => [
    ...new Set(
      list
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => s.toLowerCase()),
    ),
  ])
  .pipe(z.array(interestSchema).max(12, "Choose at most 12 interests"));

/** Checkbox values from forms ("on", "true") as well as real booleans. */
const formBoolean = z
  .union([z.boolean(), z.enum(["on", "true", "1", "false", "0", "off", ""])])
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const registerSchema = z.object({
  displayName: text("Enter your name").trim().min(1, "Enter your name").max(80, "A name has at most 80 characters"),
  handle: handleSchema,
  email: emailSchema,
  password: passwordSchema,
  birthDate: birthDateSchema,
  city: text("Enter your city").trim().min(1, "Enter your city").max(80, "A city has at most 80 characters"),
  interests: interestsSchema.default([]),
  listed: formBoolean.default(false),
  emailAddressable: formBoolean.default(false),
  /** The vanity number chosen (and normally held) in the picker; absent for the next in sequence. */
  number: z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s\-.()]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^[2-9]\d{11}$/, "A number has 12 digits and starts with 2-9")]))
    .optional()
    .transform((s) => s || undefined),
});

export type RegisterInput = z.output<typeof registerSchema>;
