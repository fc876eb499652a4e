import http from "node:http";
import { Server } from "socket.io";
import { nodeBus } from "../../lib/bus";
import { db, disconnectDb } from "../../lib/db/client";
import { env } from "../../lib/env";
import type { ClientToServer, ServerToClient } from "../../lib/presence/events";
import { handleInternal } from "./internal-http";
import { loopDelayWindow } from "./loop-delay";
import { ticketClaims } from "../../lib/presence/ticket-claims";
import { PresenceNode } from "./node";
import { refuseUnfitSecrets } from "../refuse-unfit-secrets";

/**
 * The presence server: its own process, holding the browsers' connections.
 * Socket.IO gives WebSocket with an HTTP long-polling fallback, heartbeats and
 * client reconnection; tickets from /api/presence/ticket authenticate.
 */
const e = env();
refuseUnfitSecrets("presence", e);
// Like the web process: what this process writes under DATA_DIR (the SQLite WAL) is the operator's alone.
process.umask(0o077);
const log = (msg: string) => console.log(`[${e.PRESENCE_NODE_ID}] ${msg}`);
const bus = nodeBus();
const database = await db();

const httpServer = http.createServer();
const io = new Server<ClientToServer, ServerToClient>(httpServer, {
  cors: { origin: [e.PUBLIC_URL, e.PUBLIC_URL.replace("localhost", "127.0.0.1")], credentials: true },
  pingInterval: e.PRESENCE_PING_INTERVAL_MS,
  pingTimeout: e.PRESENCE_PING_TIMEOUT_MS,
  maxHttpBufferSize: 64 * 1024,
  transports: ["websocket", "polling"],
  serveClient: false,
});
const loopDelay = loopDelayWindow();
const claims = ticketClaims(e.REDIS_URL);
const node = new PresenceNode(io, database, bus, {
  nodeId: e.PRESENCE_NODE_ID,
  secret: e.PRESENCE_SECRET,
  log,
  claims,
  timed: loopDelay.note,
});

// Socket.IO answers its own path; everything else is ours.
const socketIoListeners = httpServer.listeners("request");
httpServer.removeAllListeners("request");
httpServer.on("request", (req, res) => {
  if (
    handleInternal(req, res, bus, e.PRESENCE_SECRET, () => ({
      node: e.PRESENCE_NODE_ID,
      connections: node.registry.size,
      loop_delay_ms: loopDelay(),
    }))
  )
    return;
  for (const l of socketIoListeners) (l as http.RequestListener).call(httpServer, req, res);
});

await node.start();
httpServer.listen(e.PRESENCE_PORT, e.PRESENCE_HOST, () => {
  log(`presence: ready on http://${e.PRESENCE_HOST}:${e.PRESENCE_PORT} (${e.REDIS_URL ? "Redis bus" : "embedded bus"}, ${e.dbKind})`);
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  log("stopping: closing connections and clearing this node's rows");
  await node.stop().catch((err) => log(`stop failed: ${err}`));
  void io.close();
  await bus.close();
  await claims.close();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
