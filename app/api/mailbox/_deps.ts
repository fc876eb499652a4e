import "server-only";
import path from "node:path";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { mailboxLimits } from "@/lib/mailbox/limits";
import { defaultMailer } from "@/lib/mailbox/default-mailer";
import type { UploadDeps } from "@/lib/mailbox/uploads";
import { storage } from "@/lib/storage";

export async function mailboxDeps(): Promise<UploadDeps> {
  const e = env();
  return {
    db: await db(),
    bus: bus(),
    storage: storage(),
    stagingDir: path.join(e.dataDir, "uploads"),
    limits: mailboxLimits(),
    mailer: defaultMailer(),
    publicUrl: e.PUBLIC_URL,
  };
}
