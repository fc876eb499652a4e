import { z } from "zod";
import { handleSchema } from "../members/schemas";

export const GROUP_ACCESS = ["open", "request", "invite"] as const;
export type GroupAccess = (typeof GROUP_ACCESS)[number];
export const GROUP_ROLES = ["owner", "admin", "member"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

const groupPassword = z
  .string()
  .min(6, "A group password has at least 6 characters")
  .max(128, "A group password has at most 128 characters");

/** What the form sends to make a group (the number, when chosen, is held first through the picker). */
export const createGroupSchema = z.object({
  name: z.string().trim().min(1, "Give the group a name").max(80, "A group's name has at most 80 characters"),
  handle: handleSchema,
  description: z.string().trim().max(500, "A description has at most 500 characters").default(""),
  listed: z.boolean().default(true),
  access: z.enum(GROUP_ACCESS).default("open"),
  password: groupPassword.optional(),
  number: z
    .string()
    .trim()
    .transform((s) => s.replace(/[\s\-.()]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^[2-9]\d{11}$/, "A number has 12 digits and starts with 2-9")]))
    .optional()
    .transform((s) => s || undefined),
});
export type CreateGroupInput = z.output<typeof createGroupSchema>;

/** What admins change on the page: each field optional; `password: null` removes the password. */
export const groupSettingsSchema = z
  .object({
    name: createGroupSchema.shape.name.optional(),
    description: z.string().trim().max(500, "A description has at most 500 characters").optional(),
    listed: z.boolean().optional(),
    access: z.enum(GROUP_ACCESS).optional(),
    password: groupPassword.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Change at least one thing");
export type GroupSettingsInput = z.output<typeof groupSettingsSchema>;

export const joinGroupSchema = z.object({ password: z.string().max(128).optional(), invite: z.string().min(16).max(64).optional() });
export const createInviteSchema = z.object({
  expiresInHours: z
    .number()
    .int()
    .min(1, "A link lasts at least an hour")
    .max(24 * 30, "A link lasts at most 30 days")
    .default(24 * 7),
  maxUses: z.number().int().min(1).max(1000).nullable().default(null),
});
export const groupParams = z.object({ handle: z.string().min(1).max(40) });
export const groupMemberParams = groupParams.extend({ memberId: z.string().min(1).max(64) });
/** What an admin does to a member: approve or refuse a request, make or unmake admin, remove; the owner hands over. */
export const memberActionSchema = z.object({ action: z.enum(["approve", "refuse", "make-admin", "make-member", "remove", "make-owner"]) });
export const inviteParams = groupParams.extend({ inviteId: z.string().min(1).max(64) });
