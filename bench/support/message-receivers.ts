/**
 * The recipients' devices for bench/messages.ts, in a process of their own: one Socket.IO
 * connection per recipient, to the portal's presence server (with a ticket) or to the bare relay.
 * Each message's body carries the time it was sent ("t:<ms>"): its latency is taken on arrival.
 * Reports the latencies to the parent (IPC) when asked.
 *   fork bench/support/message-receivers.ts <portal|bare> <url> <recipients.json>
 */
import fs from "node:fs";
import { io, type Socket } from "socket.io-client";

const [mode, url, file] = process.argv.slice(2) as ["portal" | "bare", string, string];
const recipients = JSON.parse(fs.readFileSync(file, "utf8")) as { id: string; ticket: string }[];
let latencies: number[] = [];
const sockets: Socket[] = [];

const record = (body: string) => {
  const t = Number(body.slice(2));
  if (body.startsWith("t:") && t) latencies.push(Date.now() - t);
};

let connected = 0;
for (const r of recipients) {
  const s = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: mode === "portal" ? { ticket: r.ticket, deviceId: `bench-${r.id}` } : { id: r.id },
  });
  s.on("connect", () => {
    connected++;
    if (connected === recipients.length) process.send?.({ type: "ready" });
  });
  s.on("connect_error", (e) => process.send?.({ type: "error", message: e.message }));
  if (mode === "portal") s.on("event", (e: { type: string; data: { body: string } }) => e.type === "message" && record(e.data.body));
  else s.on("msg", (m: { body: string }) => record(m.body));
  sockets.push(s);
  // Connections opened in small steps: a burst of handshakes is not what is measured.
  if (sockets.length % 50 === 0) await new Promise((r) => setTimeout(r, 100));
}

process.on("message", (m: { type: string }) => {
  if (m.type === "reset") latencies = [];
  if (m.type === "report") process.send?.({ type: "report", latencies });
  if (m.type === "stop") {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});
