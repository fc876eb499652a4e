import { type Browser, expect, type Page } from "@playwright/test";
import { signInContext } from "./auth";
import { watchCsp } from "./csp";

type Person = { email: string; password: string };

/** A member signed in on their own browser context, on a page that holds a presence connection. */
export async function memberPage(browser: Browser, who: Person, path = "/", viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ permissions: ["camera", "microphone"], ...(viewport ? { viewport, hasTouch: true } : {}) });
  await watchCsp(ctx);
  await signInContext(ctx, who.email, who.password);
  const page = await ctx.newPage();
  await page.goto(path);
  // Reachable once the presence server has written the connection (batched every 250 ms).
  await expect
    .poll(async () => ((await (await page.request.get("/api/presence/status")).json()) as { status: string }).status, { timeout: 10_000 })
    .toBe("online");
  return page;
}

export async function dial(page: Page, number: string, kind: "video" | "voice" = "video") {
  await page.goto("/call");
  await page.getByTestId("dial-input").fill(number);
  if (kind === "voice") await page.getByText("Voice only").click();
  await page.getByTestId("dial-call").click();
  await page.waitForURL(/\/call\/[a-z0-9]+$/);
}

/** The other party's video is playing: non-zero size and frames keep coming. */
export async function expectRemoteVideo(page: Page) {
  await expect
    .poll(() => page.evaluate(() => (document.querySelector("[data-testid=remote-video]") as HTMLVideoElement | null)?.videoWidth ?? 0), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const frames = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const v = document.querySelector("[data-testid=remote-video]") as HTMLVideoElement;
        let n = 0;
        const tick = () => {
          if (++n >= 10) resolve(n);
          else v.requestVideoFrameCallback(tick);
        };
        v.requestVideoFrameCallback(tick);
        setTimeout(() => resolve(n), 8000);
      }),
  );
  expect(frames).toBeGreaterThanOrEqual(10);
}

/** Sound arrives from the other party (Chromium's fake microphone plays a beep). */
export async function expectRemoteAudio(page: Page) {
  const peak = await page.evaluate(async () => {
    const el = document.querySelector("[data-testid=remote-audio]") as HTMLAudioElement;
    const deadline = Date.now() + 15_000;
    while (!(el.srcObject instanceof MediaStream) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    ctx.createMediaStreamSource(el.srcObject as MediaStream).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let max = 0;
    while (Date.now() < deadline && max < 0.01) {
      analyser.getFloatTimeDomainData(buf);
      for (const x of buf) max = Math.max(max, Math.abs(x));
      await new Promise((r) => setTimeout(r, 100));
    }
    await ctx.close();
    return max;
  });
  expect(peak).toBeGreaterThan(0.01);
}

/** The page's ringtone (public/sounds/ring.ogg) is playing: loaded, not paused, its time moving. */
export function ringtonePlaying(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const a = document.querySelector("[data-testid=ringtone]") as HTMLAudioElement | null;
    return !!a && !a.paused && a.readyState >= 2 && a.currentTime > 0;
  });
}
