/**
 * A client driver for bench/presence.ts, one process per source address (a
 * process may hold 20,000 open files here). Opens `count` idle guest
 * connections from `localAddress`, reports progress on stdout as JSON lines,
 * and keeps them open (reconnecting with backoff) until killed.
 *   node --import tsx bench/presence-clients.ts <url> <count> <localAddress> <secret>
 */
import { io, type Socket } from "socket.io-client";
import { issueTicket } from "../lib/presence/tickets";

const [url, countArg, localAddress, secret] = process.argv.slice(2);
const count = Number(countArg);
const sockets: Socket[] = [];
let connected = 0;

const report = () => process.stdout.write(`${JSON.stringify({ connected })}\n`);

for (let i = 0; i < count; i++) {
  const s = io(url!, {
    forceNew: true,
    transports: ["websocket"],
    localAddress,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
    randomizationFactor: 0.5,
    auth: (cb) => void issueTicket(secret!, { kind: "guest", guestId: `${localAddress}-${i}` }, 300).then((ticket) => cb({ ticket })),
  } as Parameters<typeof io>[1]);
  s.on("connect", () => connected++);
  s.on("disconnect", () => connected--);
  sockets.push(s);
  // Ramp: 50 new connections every 25 ms per process.
  if (i % 50 === 49) await new Promise((r) => setTimeout(r, 25));
}
setInterval(report, 500);
