import "server-only";
import path from "node:path";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { createMailer, type Mailer } from "@/lib/mailbox/notify";
import type { UploadDeps } from "@/lib/mailbox/uploads";
import { storage } from "@/lib/storage";

let mailer: Mailer | undefined;

export async function mailboxDeps(): Promise<UploadDeps> {
  const e = env();
  mailer ??= createMailer({ smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, outboxDir: path.join(e.dataDir, "outbox") });
  return {
    db: await db(),
    bus: bus(),
    storage: storage(),
    stagingDir: path.join(e.dataDir, "uploads"),
    limits: mailboxLimits(),
    mailer,
    publicUrl: e.PUBLIC_URL,
  };
}
