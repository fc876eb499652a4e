import { defineConfig } from "@playwright/test";
import { fakeCameraFile } from "./e2e/support/fake-camera";
import { testEnv } from "./tests/support/test-env";

/**
 * End-to-end tests in Debian's Chromium against the real portal. scripts/test-all.ts
 * starts the stack and passes BASE_URL; without it, e2e/global-setup.ts starts one.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: testEnv().BASE_URL ?? "http://localhost:3330",
    // A failed test keeps its trace (actions, DOM snapshots, network) and a screenshot, without the
    // trace's film strip: a screencast of every page, which cost more than a third of the processor
    // the specs used on CI's two cores (BENCHMARKS.md, CI time).
    trace: { mode: "retain-on-failure", screenshots: false },
    permissions: ["camera", "microphone"],
    // The pulsing rings and placeholders honour reduced motion (motion-safe:): with it, pages with a
    // call open do not repaint sixty times a second in software on CI's two cores.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: testEnv().CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${fakeCameraFile()}`,
        "--autoplay-policy=no-user-gesture-required",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-gpu",
        // WebRTC to the local LiveKit server over loopback, with plain (not mDNS) host candidates.
        "--disable-features=WebRtcHideLocalIpsWithMdns",
        "--allow-loopback-in-peer-connection",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
