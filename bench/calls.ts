/**
 * Call set-up through the real stack (Next.js, presence server, LiveKit) in real Chromium
 * with fake camera and microphone: over N calls, p50/p95 of
 *   click-to-ring: the caller clicks "Call" → the callee's ringing dialog is on screen;
 *   accept-to-first-frame: the callee clicks "Accept" → each side shows the other's first video frame.
 *   npx tsx bench/calls.ts [--calls 20]
 * With --forward, every other call dials a third member whose routing rules forward at once to the
 * callee: click-to-ring through one forward hop, against the direct calls of the same run (ratio).
 * Both pages run in one browser on one machine, so their Date.now() clocks are the same clock.
 * The same run measures the bare baseline (bench/support/bare-livekit.ts, --bare rounds, 20 by
 * default, spread among the portal's calls): a page with only livekit-client, the callee joining
 * 1.5 s after the caller, join → first remote frame on each side; the portal's accept → first frame
 * is reported as a ratio to it.
 */
import os from "node:os";
import { type Browser, chromium, type Page } from "@playwright/test";
import { build, needsBuild } from "../scripts/launcher/prepare";
import { startStack } from "../tests/support/stack";
import { testEnv } from "../tests/support/test-env";
import config from "../playwright.config";
import { type BareRound, openBare } from "./support/bare-livekit";

const arg = (n: string, d: string) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1]! : d);
const CALLS = Number(arg("calls", "20"));
const FORWARD = process.argv.includes("--forward");
const BARE = Number(arg("bare", "20"));
const pct = (s: number[], p: number) => Math.round([...s].sort((a, b) => a - b)[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);

/**
 * Marks, in page time, when the ringing dialog appears, when its Accept button is clicked (the
 * click event, as a person's click: not the driver's command, which waits for the button to settle),
 * and when the remote video shows its first frame. The trace between the click and the frame: when
 * the answer's response arrived (resource timing) and when the remote video got its track.
 */
const WATCH = () => {
  const w = window as unknown as {
    __ringAt?: number;
    __acceptAt?: number;
    __answeredAt?: number;
    __trackAt?: number;
    __anyTrackAt?: number;
    __frameAt?: number;
    __watched?: WeakSet<Element>;
  };
  w.__watched = new WeakSet();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceResourceTiming[])
      if (/\/api\/calls\/[^/]+\/accept$/.test(e.name)) w.__answeredAt ??= Math.round(performance.timeOrigin + e.responseEnd);
  }).observe({ type: "resource", buffered: false });
  setInterval(() => {
    const v = document.querySelector("[data-testid=remote-video]") as HTMLVideoElement | null;
    if (w.__acceptAt && v?.srcObject) w.__trackAt ??= Date.now();
    // The caller's page has no Accept: its remote video gets a track only once the callee is let in.
    if (v?.srcObject) w.__anyTrackAt ??= Date.now();
  }, 5);
  document.addEventListener(
    "click",
    (e) => {
      const b = (e.target as Element | null)?.closest?.("[data-testid=incoming-call] button");
      if (b?.textContent === "Accept") w.__acceptAt ??= Date.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (!w.__ringAt && document.querySelector("[data-testid=incoming-call]")) w.__ringAt = Date.now();
    const v = document.querySelector("[data-testid=remote-video]") as HTMLVideoElement | null;
    if (v && !w.__watched!.has(v)) {
      w.__watched!.add(v);
      v.requestVideoFrameCallback(() => (w.__frameAt ??= Date.now()));
    }
  }).observe(document, { childList: true, subtree: true });
};

async function member(base: string, browser: Browser, tag: string) {
  const id = `${tag}${Date.now().toString(36)}`;
  const person = {
    displayName: `Bench ${tag.toUpperCase()}`,
    handle: `bench-${id}`,
    email: `${id}@bench.test`,
    password: "bench password 123",
    birthDate: "1990-01-01",
    city: "Lisbon",
    interests: [],
    listed: true,
  };
  const r = await fetch(`${base}/api/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.66.0.${tag.charCodeAt(0)}` },
    body: JSON.stringify(person),
  });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${await r.text()}`);
  const { member } = (await r.json()) as { member: { number: string } };
  const ctx = await browser.newContext({ baseURL: base, permissions: ["camera", "microphone"] });
  const { csrfToken } = (await (await ctx.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await ctx.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier: person.email, password: person.password, json: "true" },
  });
  await ctx.addInitScript(WATCH);
  const page = await ctx.newPage();
  if (testEnv().BENCH_DEBUG) {
    page.on("console", (m) => process.stderr.write(`  [${tag}] ${m.text()}\n`));
    page.on("response", (r) => r.status() >= 400 && process.stderr.write(`  [${tag}] ${r.status()} ${r.request().method()} ${r.url()}\n`));
  }
  return { page, number: member.number, ctx };
}

/** The member's routing rules: every call forwards at once to `to`. */
async function forwardAll(m: Awaited<ReturnType<typeof member>>, to: string, base: string) {
  const doc = { timeZone: "UTC", rules: [{ id: "all", when: {}, then: { type: "forward", to } }], dnd: {}, awayReply: "" };
  const r = await m.ctx.request.put("/api/settings/calls", { data: { version: 0, doc }, headers: { origin: base } });
  if (!r.ok()) throw new Error(`rules: ${r.status()} ${await r.text()}`);
}

const p50p95 = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95) });

type Mark = "__ringAt" | "__acceptAt" | "__answeredAt" | "__trackAt" | "__anyTrackAt" | "__frameAt";
const read = (p: Page, k: Mark) => p.evaluate((key) => (window as unknown as Record<string, number | undefined>)[key] ?? 0, k);
const reset = (p: Page) =>
  p.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    w.__ringAt = undefined;
    w.__acceptAt = undefined;
    w.__answeredAt = undefined;
    w.__trackAt = undefined;
    w.__anyTrackAt = undefined;
    w.__frameAt = undefined;
  });
async function until(p: Page, k: Mark) {
  for (let i = 0; i < 300; i++) {
    const v = await read(p, k);
    if (v) return v;
    await p.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${k}`);
}

/** The portal's accept → first frame against the bare join → first frame, each side, p50 and p95. */
function ratios(bare: BareRound[], frameCaller: number[], frameCallee: number[]) {
  const callee = bare.map((r) => r.calleeSeesCaller);
  const caller = bare.map((r) => r.callerSeesCallee);
  const ratio = (a: number[], b: number[], p: number) => +(pct(a, p) / pct(b, p)).toFixed(2);
  return {
    bare_rounds: bare.length,
    bare_callee_sees_caller_ms: { p50: pct(callee, 50), p95: pct(callee, 95) },
    bare_caller_sees_callee_ms: { p50: pct(caller, 50), p95: pct(caller, 95) },
    ratio_callee_sees_caller: { p50: ratio(frameCallee, callee, 50), p95: ratio(frameCallee, callee, 95), goal: "<= 0.5" },
    ratio_caller_sees_callee: { p50: ratio(frameCaller, caller, 50), p95: ratio(frameCaller, caller, 95), goal: "<= 1.0" },
  };
}

async function main() {
  if (needsBuild()) build();
  const stack = await startStack({ port: 3480, env: { RATE_LIMIT_CALLS_PER_MINUTE: "1000" } });
  const browser = await chromium.launch(config.use!.launchOptions);
  const ring: number[] = [];
  const frameCaller: number[] = [];
  const frameCallee: number[] = [];
  const ringForwarded: number[] = [];
  const bare: BareRound[] = [];
  const trace: { answer: number; track: number; frame: number }[] = [];
  const callerTrace: { track: number; frame: number }[] = [];
  let lost = 0;
  const bareSide = BARE > 0 ? await openBare(browser, stack.dataDir) : null;
  // Bare rounds spread evenly through the run (the machine's speed drifts over minutes).
  const bareDue = (i: number) => Math.floor(((i + 1) * BARE) / CALLS) - Math.floor((i * BARE) / CALLS);
  try {
    const a = await member(stack.url, browser, "a");
    const b = await member(stack.url, browser, "b");
    const c = FORWARD ? await member(stack.url, browser, "c") : null;
    if (c) await forwardAll(c, b.number, stack.url);
    await b.page.goto("/directory");
    for (let i = 0; i < CALLS; i++) {
      // A reloaded page reconnects to the presence server: wait until B is reachable again.
      for (let t = 0; t < 100; t++) {
        const s = (await (await b.page.request.get("/api/presence/status")).json()) as { status: string };
        if (s.status === "online") break;
        await b.page.waitForTimeout(100);
      }
      await a.page.goto("/call");
      const viaForward = !!c && i % 2 === 1;
      await a.page.getByTestId("dial-input").fill(viaForward ? c.number : b.number);
      await Promise.all([reset(a.page), reset(b.page)]);
      const clickAt = await a.page.evaluate(() => Date.now());
      await a.page.getByTestId("dial-call").click();
      const rang = await until(b.page, "__ringAt").catch(() => 0);
      if (!rang) {
        // Counted, never hidden: the run goes on so that one lost call does not cost the others.
        lost++;
        process.stderr.write(`  call ${i + 1}: LOST (no ring within 15 s)\n`);
        await a.page.goto("/call");
        await b.page.goto("/directory");
        continue;
      }
      (viaForward ? ringForwarded : ring).push(rang - clickAt);
      // A person takes a moment to answer; meanwhile the caller's page has joined the room.
      await b.page.waitForTimeout(1500);
      await b.page.getByTestId("incoming-call").getByRole("button", { name: "Accept" }).click();
      const acceptAt = await until(b.page, "__acceptAt");
      if (testEnv().BENCH_DEBUG) process.stderr.write(`  TIMING accept at ${acceptAt}\n`);
      const callerFrame = await until(a.page, "__frameAt");
      frameCaller.push(callerFrame - acceptAt);
      const callerTrack = await read(a.page, "__anyTrackAt");
      if (callerTrack) callerTrace.push({ track: callerTrack - acceptAt, frame: callerFrame - acceptAt });
      const calleeFrame = await until(b.page, "__frameAt");
      frameCallee.push(calleeFrame - acceptAt);
      const answered = await read(b.page, "__answeredAt");
      const track = await read(b.page, "__trackAt");
      if (answered && track) trace.push({ answer: answered - acceptAt, track: track - acceptAt, frame: calleeFrame - acceptAt });
      await a.page.getByTestId("hang-up").click();
      await b.page.getByTestId("call-ended").waitFor();
      process.stderr.write(
        `  call ${i + 1}${viaForward ? " (forwarded)" : ""}: ring ${(viaForward ? ringForwarded : ring).at(-1)} ms, first frame caller ${frameCaller.at(-1)} / callee ${frameCallee.at(-1)} ms\n`,
      );
      // The callee goes back to a page that is not a call, as a person would.
      await b.page.goto("/directory");
      for (let k = bareDue(i); k > 0 && bareSide; k--) {
        const r = await bareSide.round();
        bare.push(r);
        process.stderr.write(
          `  bare ${bare.length}: callee sees caller ${r.calleeSeesCaller} ms, caller sees callee ${r.callerSeesCallee} ms\n`,
        );
      }
    }
  } finally {
    await bareSide?.close();
    await browser.close();
    await stack.stop();
  }
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
        calls: CALLS,
        lost,
        click_to_ring_ms: { p50: pct(ring, 50), p95: pct(ring, 95) },
        accept_to_first_frame_caller_ms: { p50: pct(frameCaller, 50), p95: pct(frameCaller, 95) },
        accept_to_first_frame_callee_ms: { p50: pct(frameCallee, 50), p95: pct(frameCallee, 95) },
        ...(bare.length > 0 && ratios(bare, frameCaller, frameCallee)),
        // Where the callee's time goes: the answer's round trip, then the subscription, then a frame.
        callee_trace_ms: {
          traced: trace.length,
          accept_to_answer_response: p50p95(trace.map((t) => t.answer)),
          accept_to_remote_track: p50p95(trace.map((t) => t.track)),
          remote_track_to_first_frame: p50p95(trace.map((t) => t.frame - t.track)),
        },
        // The caller's side: the callee let in and subscribed (its track on the page), then a frame.
        caller_trace_ms: {
          traced: callerTrace.length,
          accept_to_remote_track: p50p95(callerTrace.map((t) => t.track)),
          remote_track_to_first_frame: p50p95(callerTrace.map((t) => t.frame - t.track)),
        },
        ...(FORWARD && {
          click_to_ring_one_forward_hop_ms: { p50: pct(ringForwarded, 50), p95: pct(ringForwarded, 95) },
          forward_hop_ratio: {
            p50: +(pct(ringForwarded, 50) / pct(ring, 50)).toFixed(2),
            p95: +(pct(ringForwarded, 95) / pct(ring, 95)).toFixed(2),
          },
        }),
      },
      null,
      2,
    ),
  );
}

await main();
