import { holdToken } from "@/app/_server/hold-cookie";
import { limitRegistration } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import {
  hasUnstorableText,
  jsonDepthExceeds,
  MAX_JSON_DEPTH,
  mediaType,
  readFormLimited,
  readTextLimited,
  UNSTORABLE_TEXT,
} from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { registerMember } from "@/lib/members/register-member";
import { registerSchema } from "@/lib/members/schemas";
import { storage } from "@/lib/storage";
import { firstLink, mailLink } from "@/lib/account/email-verification";
import { defaultMailer } from "@/lib/mailbox/default-mailer";

/** Form fields plus an optional photo, as multipart/form-data (or JSON without a photo). */
async function readForm(req: Request, maxPhotoBytes: number) {
  const type = mediaType(req.headers.get("content-type"));
  if (type === "application/json") {
    const text = await readTextLimited(req, 64 * 1024);
    let fields: unknown = null;
    try {
      if (!jsonDepthExceeds(text, MAX_JSON_DEPTH)) fields = JSON.parse(text);
    } catch {
      /* refused below */
    }
    if (!fields || typeof fields !== "object" || Array.isArray(fields))
      throw new DomainError("BAD_REQUEST", "The request body is not a JSON object");
    // Refused before anything is used up (a failed insert would otherwise burn a sequence number).
    if (hasUnstorableText(fields)) throw new DomainError("BAD_REQUEST", `The registration ${UNSTORABLE_TEXT}`);
    return { fields, photo: null };
  }
  if (type !== "multipart/form-data" && type !== "application/x-www-form-urlencoded") {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the registration as a form (multipart/form-data) or JSON");
  }
  // Limited while reading; the 413 names the photo, the only part that can be large.
  const form = await readFormLimited(req, maxPhotoBytes + 64 * 1024, "The photo").catch((err: unknown) => {
    if (err instanceof DomainError && err.code === "PAYLOAD_TOO_LARGE") {
      throw new DomainError("PAYLOAD_TOO_LARGE", `The photo is larger than ${Math.round(maxPhotoBytes / 1024 / 1024)} MB`, {
        field: "photo",
      });
    }
    throw err;
  });
  const fields: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "photo") fields[k] = v;
  if (hasUnstorableText(fields)) throw new DomainError("BAD_REQUEST", `The registration ${UNSTORABLE_TEXT}`);
  const file = form.get("photo");
  const photo = file && typeof file !== "string" && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  return { fields, photo };
}

export const POST = route({ access: "public", withMember: true, rateLimit: limitRegistration }, async ({ req, member }) => {
  if (member) throw new DomainError("CONFLICT", "You are already signed in; sign out to register another account");
  const e = env();
  const maxBytes = e.PHOTO_MAX_BYTES;
  const { fields, photo } = await readForm(req, maxBytes);
  const input = registerSchema.parse(fields);
  const link = firstLink(new Date());
  const created = await registerMember(await db(), input, {
    holderToken: await holdToken(),
    photo: photo ? { bytes: photo, maxBytes } : null,
    storage: storage(),
    unverifiedEmailGraceMs: e.UNVERIFIED_EMAIL_GRACE_HOURS * 3600_000,
    firstLink: link.row,
  });
  // The account works at once; the address gets nothing but this link until it is confirmed. The
  // link was stored with the member (no second transaction); it is in the outbox when this answers.
  await mailLink({ mailer: defaultMailer(), publicUrl: e.PUBLIC_URL }, input, link.token).catch((err) =>
    console.error("verification email failed:", err),
  );
  return json({ member: created }, { status: 201 });
});
