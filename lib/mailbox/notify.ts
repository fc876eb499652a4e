import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Db } from "../db/client";
import { SHOWN_NUMBER, shownNumber } from "../numbers/spelling";

export type Email = { to: string; subject: string; text: string };
export interface Mailer {
  send(mail: Email): Promise<void>;
}

/** SMTP when configured; otherwise each email becomes an .eml file in the outbox folder, readable with any mail client. */
export function createMailer(opts: { smtpUrl?: string; from: string; outboxDir: string }): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      if (opts.smtpUrl) return;
      await fs.mkdir(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await fs.writeFile(path.join(opts.outboxDir, name), (info as unknown as { message: Buffer }).message);
    },
  };
}

export async function notifyNewMessage(deps: { db: Db; mailer: Mailer; publicUrl?: string }, messageId: string): Promise<void> {
  const m = await deps.db.message.findUnique({
    where: { id: messageId },
    include: {
      owner: { select: { email: true, displayName: true, emailVerifiedAt: true } },
      sender: { select: { displayName: true, number: { select: SHOWN_NUMBER } } },
    },
  });
  // Until the owner proves the address is theirs, it may be someone else's: nothing but the link goes there.
  if (!m || !m.owner.emailVerifiedAt) return;
  const from = m.sender
    ? `${m.sender.displayName}${m.sender.number ? ` (${shownNumber(m.sender.number)})` : ""}`
    : `${m.guestName} (guest)`;
  const seconds = Math.round(m.durationMs / 1000);
  await deps.mailer.send({
    to: m.owner.email,
    subject: `New ${m.kind} message from ${from}`,
    text: `Hello ${m.owner.displayName},\n\n${from} left you a ${seconds}-second ${m.kind} message.\n\nListen to it in your mailbox: ${deps.publicUrl ?? ""}/mailbox\n`,
  });
}
