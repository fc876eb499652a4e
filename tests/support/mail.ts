import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/** Every .eml in the stack's outbox addressed to `email`. */
export function mailsTo(email: string): string[] {
  const outbox = path.join(inject("dataDir"), "outbox");
  if (!fs.existsSync(outbox)) return [];
  return fs
    .readdirSync(outbox)
    .map((f) => fs.readFileSync(path.join(outbox, f), "utf8"))
    .filter((t) => t.includes(`To: ${email}`));
}

/** The verification token in a mail. The body is quoted-printable: soft line breaks ("=" at a line's end) and "=3D" for "=". */
export function verificationToken(mail: string): string | null {
  const m = /verify-email\?token=3D([A-Za-z0-9_-]+)|verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.replace(/=\r?\n/g, ""));
  return m ? (m[1] ?? m[2])! : null;
}
