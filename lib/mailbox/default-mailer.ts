import path from "node:path";
import { env } from "../env";
import { createMailer, type Mailer } from "./notify";

let mailer: Mailer | undefined;

/** The process's one mailer, configured from the environment (SMTP, or .eml files in the data folder's outbox). */
export function defaultMailer(): Mailer {
  const e = env();
  mailer ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path.join(e.dataDir, "outbox") });
  return mailer;
}
