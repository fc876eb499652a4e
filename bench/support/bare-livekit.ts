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
 * side marks the first frame of the other's video it draws. The groups benchmark uses the same page
 * with the group room's settings, several in one room (`openBareRoom`).
 */
const PAGE = `<!doctype html><meta charset="utf-8"><title>bare</title>
<div id="remotes"></div>
<script src="/lk.js"></script>
<script>
  window.join = async (url, token, options, tile) => {
    const { Room, RoomEvent, Track, createLocalTracks } = LivekitClient;
    const room = new Room(options);
    // Kept at once, so that leave() disconnects a join that failed half-way too.
    window.__room = room;
    room.on(RoomEvent.TrackSubscribed, (track) => {
      if (track.kind !== Track.Kind.Video) return;
      // Each remote camera in its own tile, sized as a grid would (adaptiveStream sends what a tile shows).
      const v = document.createElement("video");
      Object.assign(v, { autoplay: true, playsInline: true, muted: true, width: tile[0], height: tile[1] });
      document.getElementById("remotes").append(v);
      track.attach(v);
      v.requestVideoFrameCallback(() => (window.__frameAt ??= Date.now()));
    });
    const tracksP = createLocalTracks({ audio: true, video: true });
    await room.connect(url, token, { rtcConfig: { iceServers: [] } });
    const tracks = await tracksP;
    await Promise.all(tracks.map((t) => room.localParticipant.publishTrack(t)));
  };
  window.leave = async () => {
    await window.__room?.disconnect();
    window.__room = undefined;
    window.__frameAt = undefined;
    document.getElementById("remotes").replaceChildren();
  };
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

type RoomOptions = { adaptiveStream: boolean; dynacast: boolean };
/** A remote video tile's width and height in CSS pixels (adaptiveStream asks the SFU for what it shows). */
export type Tile = [number, number];

/** The page's server and what a bench does with bare pages: open one, mint a token, join, wait for a frame, leave. */
async function bareSite(browser: Browser, dataDir: string) {
  const lk = livekitOf(dataDir);
  const umd = fs.readFileSync(path.resolve(import.meta.dirname, "../../node_modules/livekit-client/dist/livekit-client.umd.js"));
  const server = http.createServer((req, res) => {
    if (req.url === "/lk.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(umd);
    res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  type BareWindow = {
    join: (u: string, t: string, o: RoomOptions, tile: Tile) => Promise<void>;
    leave: () => Promise<void>;
    __frameAt?: number;
  };
  return {
    async open() {
      const ctx = await browser.newContext({ permissions: ["camera", "microphone"] });
      const page = await ctx.newPage();
      await page.goto(base);
      return page;
    },
    token(room: string, identity: string) {
      const t = new AccessToken(lk.key, lk.secret, { identity, ttl: 600 });
      t.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
      return t.toJwt();
    },
    join: (p: Page, token: string, options: RoomOptions, tile: Tile = [320, 180]) =>
      p.evaluate(([u, tok, o, t]) => (window as unknown as BareWindow).join(u, tok, o, t), [lk.url, token, options, tile] as const),
    async frameAt(p: Page, withinMs = 15_000) {
      for (let i = 0; i < withinMs / 50; i++) {
        const v = await p.evaluate(() => (window as unknown as BareWindow).__frameAt ?? 0);
        if (v) return v;
        await p.waitForTimeout(50);
      }
      throw new Error(`bare round: no remote frame within ${withinMs / 1000} s`);
    },
    leave: (p: Page) => p.evaluate(() => (window as unknown as BareWindow).leave()),
    close: () => server.close(),
  };
}

/** The portal's call settings (components/calls/waiting-room.ts). */
const CALL_ROOM: RoomOptions = { adaptiveStream: false, dynacast: true };
/** The portal's group room settings (components/groups/use-group-room.ts). */
const GROUP_ROOM: RoomOptions = { adaptiveStream: true, dynacast: true };

/**
 * Two bare pages, caller and callee, ready for rounds: the bench interleaves them with the portal's
 * calls, so that both see the same machine at the same moments of the run.
 */
export async function openBare(browser: Browser, dataDir: string) {
  const site = await bareSite(browser, dataDir);
  const [caller, callee] = [await site.open(), await site.open()];
  let n = 0;
  return {
    async round(): Promise<BareRound> {
      const room = `bare-${Date.now()}-${n++}`;
      const [tc, te] = [await site.token(room, "caller"), await site.token(room, "callee")];
      await site.join(caller, tc, CALL_ROOM);
      await caller.waitForTimeout(1500);
      const joinAt = await callee.evaluate(() => Date.now());
      await site.join(callee, te, CALL_ROOM);
      const round = {
        calleeSeesCaller: (await site.frameAt(callee)) - joinAt,
        callerSeesCallee: (await site.frameAt(caller)) - joinAt,
      };
      await Promise.all([caller, callee].map((p) => site.leave(p)));
      return round;
    },
    async close() {
      await Promise.all([caller.context().close(), callee.context().close()]);
      site.close();
    },
  };
}

/**
 * The groups benchmark's bare baseline: `maxPresent` + 1 bare pages with the group room's settings.
 * `fill(n)` puts n of them in one room (joining or leaving the rest); `round()` has one more page join and
 * returns join → its first remote frame drawn, then has it leave.
 */
export async function openBareRoom(browser: Browser, dataDir: string, maxPresent: number, tile?: Tile) {
  const site = await bareSite(browser, dataDir);
  const pages: Page[] = [];
  for (let i = 0; i <= maxPresent; i++) pages.push(await site.open());
  const room = `bare-room-${Date.now()}`;
  let present = 0;
  return {
    async fill(n: number) {
      while (present > n) await site.leave(pages[--present]!);
      while (present < n) {
        const page = pages[present]!;
        await site.join(page, await site.token(room, `p${present}`), GROUP_ROOM, tile).catch(async (err: unknown) => {
          await site.leave(page);
          throw err;
        });
        present++;
      }
    },
    async round(withinMs: number) {
      const joiner = pages[maxPresent]!;
      const token = await site.token(room, `joiner`);
      const joinAt = await joiner.evaluate(() => Date.now());
      try {
        await site.join(joiner, token, GROUP_ROOM, tile);
        return (await site.frameAt(joiner, withinMs)) - joinAt;
      } finally {
        await site.leave(joiner);
      }
    },
    async close() {
      await Promise.all(pages.map((p) => p.context().close()));
      site.close();
    },
  };
}
