import { route } from "@/app/_server/route";
import { sendVerificationEmail } from "@/lib/account/email-verification";
import { json } from "@/lib/http/respond";
import { mailboxDeps } from "../../mailbox/_deps";

/** "Resend": a new verification link to the signed-in member's address (one a minute, five a day: the domain counts them). */
export const POST = route({ access: "member" }, async ({ member }) => {
  const { db, mailer, publicUrl } = await mailboxDeps();
  return json(await sendVerificationEmail({ db, mailer, publicUrl }, member.id));
});
