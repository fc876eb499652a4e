import http from "node:http";
import next from "next";
import { bus } from "../lib/bus";
import { sweepRinging } from "../lib/calls/sweep";
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { clientAddressFrom, proxyCheck } from "../lib/http/client-address";
import { sweepMall } from "../lib/mall/calls";
import { purgeTrash } from "../lib/mailbox/messages";
import { sweepUploads } from "../lib/mailbox/uploads";
import { scanPageRoutes, scanRoutes } from "../lib/http/route-table";
import { isHttps } from "../lib/http/security-headers";
import { storage } from "../lib/storage";
import path from "node:path";
import { answerClientError, errorJson, guardRequest } from "./edge";
import { refuseUnfitSecrets } from "./refuse-unfit-secrets";

/**
 * The Next.js HTTP server. A custom server only so that the client address is
 * trustworthy: x-forwarded-for is replaced by the socket's own address, or with
 * TRUST_PROXY=n by the address n hops from the right, read only from proxies in
 * TRUSTED_PROXIES, before Next.js sees it.
 */
const e = env();
refuseUnfitSecrets("web", e);
// Files under DATA_DIR (recordings, outbox, database) are the operator's alone, also when this process is started without the launcher.
process.umask(0o077);
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: e.PORT });
const handle = app.getRequestHandler();
const isTrustedProxy = proxyCheck(e.TRUSTED_PROXIES);

await app.prepare();
// The API's routes from the file tree, for JSON 404/405 answers before Next.js (server/edge.ts).
const appDir = path.join(process.cwd(), "app");
const edge = { publicUrl: e.PUBLIC_URL, https: isHttps(e.PUBLIC_URL), routes: scanRoutes(appDir), pageRoutes: scanPageRoutes(appDir) };
const server = http.createServer((req, res) => {
  // Always overwritten with the one address we trust (lib/http/client-address.ts): rate limits key on it.
  req.headers["x-forwarded-for"] = clientAddressFrom(
    req.headers["x-forwarded-for"],
    req.socket.remoteAddress,
    e.TRUST_PROXY,
    isTrustedProxy,
  );
  try {
    if (guardRequest(req, res, edge)) return;
  } catch (err) {
    console.error("request guard failed", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" }).end(errorJson(500));
    return;
  }
  handle(req, res).catch((err) => {
    console.error("request failed", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" }).end(errorJson(500));
  });
});
// Over-long headers (431) and unparsable requests are answered by Node itself, with an empty body otherwise.
server.on("clientError", answerClientError);
server.keepAliveTimeout = 65_000;
server.on("error", (err) => {
  console.error(`web: cannot listen on ${e.HOST}:${e.PORT}: ${err.message}`);
  process.exit(1);
});
server.listen(e.PORT, e.HOST, () => {
  console.log(`web: ready on http://localhost:${e.PORT}`);
});

// Ring timeouts run here, on the server's clock, not in anyone's tab. Several web processes may all
// sweep: a call's transition is stored only once (lib/calls/service.ts).
const sweeper = setInterval(() => {
  void db()
    .then(async (d) => {
      await sweepRinging({ db: d, bus: bus() });
      // The mall's rings move to the next agent after 15 s; abandoned queue places are freed.
      await sweepMall({ db: d, bus: bus() });
    })
    .catch((err) => console.error("ring sweep failed", err));
}, 1000);

// The mailbox's housekeeping: the trash forgets after 30 days, unfinished uploads after a day.
const housekeeping = () =>
  void db()
    .then(async (d) => {
      await purgeTrash(d, storage());
      await sweepUploads({ db: d, stagingDir: path.join(e.dataDir, "uploads") });
    })
    .catch((err) => console.error("mailbox housekeeping failed", err));
const housekeeper = setInterval(housekeeping, 60 * 60_000);
housekeeping();

const stop = () => {
  clearInterval(sweeper);
  clearInterval(housekeeper);
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
