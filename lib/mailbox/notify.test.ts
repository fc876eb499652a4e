import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMailer } from "./notify";

/** Just enough of an SMTP server to receive one message (RFC 5321's happy path). */
function smtpSink(): Promise<{ port: number; received: Promise<string>; close: () => void }> {
  let deliver!: (s: string) => void;
  const received = new Promise<string>((r) => (deliver = r));
  const server = net.createServer((sock) => {
    let data = "";
    let inData = false;
    sock.write("220 sink ESMTP\r\n");
    sock.on("data", (chunk) => {
      for (const line of chunk.toString().split("\r\n")) {
        if (inData) {
          if (line === ".") {
            inData = false;
            sock.write("250 queued\r\n");
            deliver(data);
          } else data += `${line}\n`;
          continue;
        }
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === "EHLO" || cmd === "HELO") sock.write("250 sink\r\n");
        else if (cmd === "MAIL" || cmd === "RCPT") sock.write("250 ok\r\n");
        else if (cmd === "DATA") {
          inData = true;
          sock.write("354 go on\r\n");
        } else if (cmd === "QUIT") sock.end("221 bye\r\n");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => server.close() }),
    ),
  );
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("new-message emails", () => {
  it("go through SMTP when SMTP_URL is set", async () => {
    const sink = await smtpSink();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${sink.port}`,
      from: "Portal <no-reply@portal.test>",
      outboxDir: "/nonexistent",
    });
    await mailer.send({ to: "mona@example.org", subject: "New video message from Gina (guest)", text: "Listen to it in your mailbox." });
    const msg = await sink.received;
    sink.close();
    expect(msg).toMatch(/^To: mona@example\.org$/m);
    expect(msg).toMatch(/^Subject: New video message from Gina \(guest\)$/m);
    expect(msg).toContain("Listen to it in your mailbox.");
  });

  it("land in the outbox as .eml files otherwise", async () => {
    const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
    dirs.push(outboxDir);
    await createMailer({ from: "Portal <no-reply@portal.test>", outboxDir }).send({
      to: "otto@example.org",
      subject: "Hello",
      text: "Body",
    });
    const files = fs.readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    expect(fs.readFileSync(path.join(outboxDir, files[0]!), "utf8")).toMatch(/^To: otto@example\.org$/m);
  });
});
