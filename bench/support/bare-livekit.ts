import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { AccessToken } from "livekit-server-sdk";

/**
 * The calls benchmark's bare baseline: a page with nothing but livekit-client (its UMD build), the
 * portal's Room settings, tokens minted straight from the server SDK, against the stack's own
 * LiveKit server, in the same browser with the same flags. One round: the caller joins (camera and
 * microphone started while it connects, as the portal does), the callee joins 1.5 s later; each
 * side marks the first frame of the other's video it draws.
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>bare</title>
<video id="remote" autoplay playsinline muted></video>
<script src="/lk.js"></script>
<script>
  window.join = async (url, token) => {
    const { Room, RoomEvent, Track, createLocalTracks } = LivekitClient;
    const room = new Room({ adaptiveStream: false, dynacast: true });
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind !== Track.Kind.Video) return;
      const v = document.getElementById("remote");
      track.attach(v);
      v.requestVideoFrameCallback(() => (window.__frameAt ??= Date.now()));
    });
    const tracksP = createLocalTracks({ audio: true, video: true });
    await room.connect(url, token, { rtcConfig: { iceServers: [] } });
    const tracks = await tracksP;
    await Promise.all(tracks.map((t) => room.localParticipant.publishTrack(t)));
    window.__room = room;
  };
  window.leave = async () => { await window.__room?.disconnect(); window.__room = undefined; window.__frameAt = undefined; };
</script>`;

export type BareRound = { calleeSeesCaller: number; callerSeesCallee: number };

/** The stack's LiveKit address and key, from the config its launcher wrote. */
function livekitOf(dataDir: string) {
  const yaml = fs.readFileSync(path.join(dataDir, "livekit.yaml"), "utf8");
  const port = /^port: (\d+)/m.exec(yaml)?.[1];
  const key = /^keys:\s*\n\s+([^:\s]+): (\S+)/m.exec(yaml);
  if (!port || !key) throw new Error(`cannot read the LiveKit port and key from ${dataDir}/livekit.yaml`);
  return { url: `ws://127.0.0.1:${port}`, key: key[1]!, secret: key[2]! };
}

/**
 * Two bare pages, caller and callee, ready for rounds: the bench interleaves them with the portal's
 * calls, so that both see the same machine at the same moments of the run.
 */
export async function openBare(browser: Browser, dataDir: string) {
  const lk = livekitOf(dataDir);
  const umd = fs.readFileSync(path.resolve(import.meta.dirname, "../../node_modules/livekit-client/dist/livekit-client.umd.js"));
  const server = http.createServer((req, res) => {
    if (req.url === "/lk.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(umd);
    res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const open = async () => {
    const ctx = await browser.newContext({ permissions: ["camera", "microphone"] });
    const page = await ctx.newPage();
    await page.goto(base);
    return page;
  };
  const token = async (room: string, identity: string) => {
    const t = new AccessToken(lk.key, lk.secret, { identity, ttl: 600 });
    t.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
    return t.toJwt();
  };
  const frameAt = async (p: Page) => {
    for (let i = 0; i < 300; i++) {
      const v = await p.evaluate(() => (window as unknown as { __frameAt?: number }).__frameAt ?? 0);
      if (v) return v;
      await p.waitForTimeout(50);
    }
    throw new Error("bare round: no remote frame within 15 s");
  };
  const join = (p: Page, t: string) =>
    p.evaluate(([u, tok]) => (window as unknown as { join: (u: string, t: string) => Promise<void> }).join(u!, tok!), [lk.url, t]);
  const [caller, callee] = [await open(), await open()];
  let n = 0;
  return {
    async round(): Promise<BareRound> {
      const room = `bare-${Date.now()}-${n++}`;
      const [tc, te] = [await token(room, "caller"), await token(room, "callee")];
      await join(caller, tc);
      await caller.waitForTimeout(1500);
      const joinAt = await callee.evaluate(() => Date.now());
      await join(callee, te);
      const round = { calleeSeesCaller: (await frameAt(callee)) - joinAt, callerSeesCallee: (await frameAt(caller)) - joinAt };
      await Promise.all([caller, callee].map((p) => p.evaluate(() => (window as unknown as { leave: () => Promise<void> }).leave())));
      return round;
    },
    async close() {
      await Promise.all([caller.context().close(), callee.context().close()]);
      server.close();
    },
  };
}
