/**
 * The baseline bench/presence.ts measures the portal against: a plain Socket.IO server, no
 * authentication, no database, no visibility rules. A watch joins one room per watched member; a
 * member's "idle" is broadcast to that member's room at once. The member's id is whatever the
 * client sends as its ticket, unchecked. Same heartbeat and transports as the presence server.
 *   node --import tsx bench/support/bare-presence-server.ts <port>
 */
import http from "node:http";
import { Server } from "socket.io";
import { loopDelayWindow } from "../../server/presence/loop-delay";

const port = Number(process.argv[2]);
const httpServer = http.createServer();
const loopDelay = loopDelayWindow();
const io = new Server(httpServer, {
  pingInterval: 20_000,
  pingTimeout: 20_000,
  maxHttpBufferSize: 64 * 1024,
  transports: ["websocket", "polling"],
  serveClient: false,
});

const listeners = httpServer.listeners("request");
httpServer.removeAllListeners("request");
httpServer.on("request", (req, res) => {
  if (req.url === "/health")
    return void res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ connections: io.engine.clientsCount, loop_delay_ms: loopDelay() }));
  for (const l of listeners) (l as http.RequestListener).call(httpServer, req, res);
});

io.on("connection", (socket) => {
  const member = typeof socket.handshake.auth?.ticket === "string" ? socket.handshake.auth.ticket : null;
  socket.on("watch", (ids: string[], ack: (s: Record<string, string>) => void) => {
    for (const id of ids) void socket.join(`m:${id}`);
    ack(Object.fromEntries(ids.map((id) => [id, "online"])));
  });
  socket.on("idle", (idle: boolean) => {
    if (member) io.to(`m:${member}`).emit("presence", [{ memberId: member, status: idle ? "away" : "online" }]);
  });
});

httpServer.listen(port, "127.0.0.1", () => console.log("presence: ready"));
