import { z } from "zod";
import { AUDIENCES, DETAILS } from "../presence/visibility";
import { NICKNAME_MAX, NOTE_MAX } from "./edit-entry";
import { GROUP_NAME_MAX, MAX_GROUPS } from "./groups";

/** The request and query shapes of the contacts routes, shared by the routes and the pages. */
export const addContactSchema = z.object({ to: z.string().trim().min(1, "Type a number or an address").max(80) });

export const contactActionSchema = z.object({
  action: z.enum(["request", "accept", "decline", "decline-and-block", "withdraw", "remove", "preapprove"]),
});

export const entryEditSchema = z
  .object({
    nickname: z.string().max(NICKNAME_MAX).optional(),
    note: z.string().max(NOTE_MAX).optional(),
    favourite: z.boolean().optional(),
    groupIds: z.array(z.string().min(1).max(40)).max(MAX_GROUPS).optional(),
  })
  .strict();

export const bookQuerySchema = z.object({ since: z.coerce.number().int().min(0).max(2_147_483_647).optional() });

/** What POST /api/contacts/vcard takes as its body's content type: the .vcf file as it is. */
export const VCARD_UPLOAD_TYPES = ["text/vcard", "text/x-vcard", "text/directory"] as const;
export const vcardUploadTypeSchema = z.enum(VCARD_UPLOAD_TYPES);

export const memberIdParams = z.object({ memberId: z.string().min(1).max(40) });
export const groupIdParams = z.object({ groupId: z.string().min(1).max(40) });

export const groupCreateSchema = z.object({
  name: z
    .string()
    .min(1, "Give the group a name")
    .max(GROUP_NAME_MAX * 2),
  detail: z.enum(DETAILS).nullable().optional(),
});
export const groupUpdateSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(GROUP_NAME_MAX * 2)
      .optional(),
    detail: z.enum(DETAILS).nullable().optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const visibilitySchema = z
  .object({ audience: z.enum(AUDIENCES).optional(), everyoneDetail: z.enum(DETAILS).optional(), contactDetail: z.enum(DETAILS).optional() })
  .strict();

export const askAvailabilitySchema = z.object({ memberId: z.string().min(1).max(40) });
export const askIdParams = z.object({ askId: z.string().min(1).max(40) });
