import { limitVerificationResends } from "@/app/_server/limits";
import { route } from "@/app/_server/route";
import { sendVerificationEmail } from "@/lib/account/email-verification";
import { json } from "@/lib/http/respond";
import { mailboxDeps } from "../../mailbox/_deps";

/** "Resend": a new verification link to the signed-in member's address (a few an hour). */
export const POST = route({ access: "member" }, async ({ member }) => {
  await limitVerificationResends(member.id);
  const { db, mailer, publicUrl } = await mailboxDeps();
  return json(await sendVerificationEmail({ db, mailer, publicUrl }, member.id));
});
