import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Just enough of a page for the ringtone: one audio element and the window's listeners. */
class FakeAudio {
  paused = true;
  currentTime = 0;
  src = "";
  preload = "";
  loop = false;
  hidden = false;
  dataset: Record<string, string> = {};
  play() {
    this.paused = false;
    this.currentTime = 0.5;
    return Promise.resolve();
  }
  pause() {
    this.paused = true;
  }
}

let audio: FakeAudio | undefined;
const saved = { document: globalThis.document, window: globalThis.window };

beforeAll(() => {
  Object.assign(globalThis, {
    document: {
      createElement: () => (audio = new FakeAudio()),
      body: { append: () => {} },
    },
    window: {
      addEventListener: () => {},
      removeEventListener: () => {},
    },
  });
});
afterAll(() => Object.assign(globalThis, saved));

describe("ringtone", () => {
  it("keeps ringing while another ring on the page still sounds, and stops with the last", async () => {
    const { startRingtone } = await import("./ringtone");
    const stopConsole = startRingtone();
    const stopCall = startRingtone();
    expect(audio!.paused).toBe(false);
    stopConsole();
    // Stopping twice counts once.
    stopConsole();
    expect(audio!.paused).toBe(false);
    stopCall();
    expect(audio!.paused).toBe(true);
    expect(audio!.currentTime).toBe(0);
    // A new ring starts from the top.
    const stop = startRingtone();
    expect(audio!.paused).toBe(false);
    stop();
    expect(audio!.paused).toBe(true);
  });
});
