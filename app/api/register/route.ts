import { holdToken } from "@/app/_server/hold-cookie";
import { limitRegistration } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { registerMember } from "@/lib/members/register-member";
import { registerSchema } from "@/lib/members/schemas";
import { storage } from "@/lib/storage";
import { sendVerificationEmail } from "@/lib/account/email-verification";
import { mailboxDeps } from "../mailbox/_deps";

/** Form fields plus an optional photo, as multipart/form-data (or JSON without a photo). */
async function readForm(req: Request, maxPhotoBytes: number) {
  const type = req.headers.get("content-type") ?? "";
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxPhotoBytes + 64 * 1024) {
    throw new DomainError("PAYLOAD_TOO_LARGE", `The photo is larger than ${Math.round(maxPhotoBytes / 1024 / 1024)} MB`, { field: "photo" });
  }
  if (type.includes("application/json")) return { fields: (await req.json().catch(() => null)) ?? {}, photo: null };
  if (!type.includes("multipart/form-data") && !type.includes("application/x-www-form-urlencoded")) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the registration as a form (multipart/form-data) or JSON");
  }
  const form = await req.formData().catch(() => {
    throw new DomainError("BAD_REQUEST", "The form could not be read");
  });
  const fields: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "photo") fields[k] = v;
  const file = form.get("photo");
  const photo = file && typeof file !== "string" && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  return { fields, photo };
}

export const POST = route({ access: "public", withMember: true, rateLimit: limitRegistration }, async ({ req, member }) => {
  if (member) throw new DomainError("CONFLICT", "You are already signed in; sign out to register another account");
  const maxBytes = env().PHOTO_MAX_BYTES;
  const { fields, photo } = await readForm(req, maxBytes);
  const input = registerSchema.parse(fields);
  const created = await registerMember(await db(), input, {
    holderToken: await holdToken(),
    photo: photo ? { bytes: photo, maxBytes } : null,
    storage: storage(),
  });
  // The account works at once; the address gets nothing but this link until it is confirmed.
  const { db: client, mailer, publicUrl } = await mailboxDeps();
  await sendVerificationEmail({ db: client, mailer, publicUrl }, created.id).catch((err) => console.error("verification email failed:", err));
  return json({ member: created }, { status: 201 });
});
