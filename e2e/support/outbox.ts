import fs from "node:fs";
import path from "node:path";
import { testEnv } from "../../tests/support/test-env";

/** Every mail in the stack's outbox addressed to `email`, oldest first, quoted-printable line breaks joined. */
export function mailsTo(email: string): string[] {
  const outbox = path.join(testEnv().STACK_DATA_DIR ?? "", "outbox");
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .sort()
    .map((f) => fs.readFileSync(path.join(outbox, f), "utf8").replace(/=\r?\n/g, ""))
    .filter((t) => t.includes(`To: ${email}`));
}

/** The newest verification link mailed to `email`. */
export function newestVerificationLink(email: string): string {
  const mails = mailsTo(email);
  const m = /(\/verify-email\?token=)3D([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1] ?? "");
  if (!m) throw new Error(`no verification mail for ${email}`);
  return `${m[1]}${m[2]}`;
}
