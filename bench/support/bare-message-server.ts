/**
 * The baseline bench/messages.ts measures the portal against: a plain Socket.IO relay. A client
 * says who it is in its handshake (unchecked) and joins its own room; a "msg" is emitted to the
 * recipient's room at once and acknowledged. No authentication, no storage, no order, no catch-up.
 *   node --import tsx bench/support/bare-message-server.ts <port>
 */
import http from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2]);
const httpServer = http.createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, transports: ["websocket"], serveClient: false });

io.on("connection", (socket) => {
  const id = typeof socket.handshake.auth?.id === "string" ? socket.handshake.auth.id : null;
  if (id) void socket.join(id);
  socket.on("msg", (m: { to: string; body: string }, ack?: () => void) => {
    io.to(m.to).emit("msg", { body: m.body });
    ack?.();
  });
});

httpServer.listen(port, "127.0.0.1", () => console.log(`bare message server on ${port}`));
