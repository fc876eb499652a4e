import { limitContactRequests } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { bus } from "@/lib/bus";
import { exportVcard } from "@/lib/contacts/export-vcard";
import { importVcard } from "@/lib/contacts/import-vcard";
import { VCARD_UPLOAD_TYPES, vcardUploadTypeSchema } from "@/lib/contacts/schemas";
import { MAX_VCARD_BYTES } from "@/lib/contacts/vcard";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { hasUnstorableText, mediaType, readTextLimited, UNSTORABLE_TEXT } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";

/** The member's address book as a vCard 4.0 file to download. */
export const GET = route({ access: "member" }, async ({ member }) => {
  const text = await exportVcard(await db(), { ownerId: member.id, publicUrl: env().PUBLIC_URL });
  return new Response(text, {
    headers: {
      "content-type": "text/vcard; charset=utf-8",
      "content-disposition": 'attachment; filename="contacts.vcf"',
      "cache-control": "no-store",
    },
  });
});

/**
 * Imports a .vcf file sent as the raw body (content type text/vcard, text/x-vcard or
 * text/directory; UTF-8; at most 1 MB and 1,000 cards): a contact request to each member it names
 * who is not in the book yet, counted by the contact-request rate limit. Answers a report per card.
 */
export const POST = route({ access: "member" }, async ({ req, member }) => {
  if (!vcardUploadTypeSchema.safeParse(mediaType(req.headers.get("content-type"))).success) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", `Send the .vcf file as the body, with content-type ${VCARD_UPLOAD_TYPES.join(" or ")}`);
  }
  const text = await readTextLimited(req, MAX_VCARD_BYTES, "The vCard file");
  if (hasUnstorableText(text)) throw new DomainError("BAD_REQUEST", `The vCard file ${UNSTORABLE_TEXT}`);
  const deps = { db: await db(), bus: bus(), beforeRequest: () => limitContactRequests(member.id) };
  return json(await importVcard(deps, { ownerId: member.id, text, publicUrl: env().PUBLIC_URL }));
});
