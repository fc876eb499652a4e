import { describe, expect, it } from "vitest";
import { discard, due, enqueue, failed, GIVE_UP_AFTER_MS, isRetryable, type Outbox, restore, retry, sent, serialize, wake } from "./outbox";

const add = (box: Outbox, id: string, conv: string, at: number) => enqueue(box, { clientId: id, conversationId: conv, body: id }, at);

describe("the browser's outbox", () => {
  it("sends one message per conversation at a time, oldest first, conversations side by side", () => {
    let box = add(add(add([], "a1", "A", 0), "a2", "A", 1), "b1", "B", 2);
    const first = due(box, 10);
    expect(first.send.map((x) => x.clientId)).toEqual(["a1", "b1"]);
    box = first.box;
    // In flight: nothing more for A until a1 is answered.
    expect(due(box, 11).send).toEqual([]);
    box = sent(box, "a1");
    expect(due(box, 12).send.map((x) => x.clientId)).toEqual(["a2"]);
  });

  it("when the connection is back, what waits for its backoff goes at once; unsent stays unsent", () => {
    let box = due(add(add([], "a1", "A", 0), "b1", "B", 0), 0).box;
    box = failed(box, "a1", 0, { retryable: true, reason: "offline", retryAfterMs: 30_000 });
    box = failed(box, "b1", 0, { retryable: false, reason: "refused" });
    expect(due(box, 1000).send).toEqual([]);
    box = wake(box, 1000);
    expect(due(box, 1000).send.map((x) => x.clientId)).toEqual(["a1"]);
    expect(box.find((x) => x.clientId === "b1")?.state).toBe("unsent");
  });

  it("the same id twice is one message", () => {
    expect(add(add([], "a1", "A", 0), "a1", "A", 5)).toHaveLength(1);
  });

  it("retries what may pass with backoff, and gives up after five minutes; later messages wait behind", () => {
    let box = add(add([], "a1", "A", 0), "a2", "A", 1);
    let now = 0;
    const tries: number[] = [];
    for (;;) {
      const d = due(box, now);
      box = d.box;
      if (d.send.length) {
        expect(d.send[0]!.clientId).toBe("a1");
        tries.push(now);
        box = failed(box, "a1", now, { retryable: true, reason: "offline" });
      }
      if (box.find((x) => x.clientId === "a1")!.state === "unsent") break;
      now += 500;
    }
    expect(tries.slice(0, 5)).toEqual([0, 1000, 3000, 7000, 15000]);
    expect(tries.at(-1)).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect(box.find((x) => x.clientId === "a1")).toMatchObject({ state: "unsent", error: "offline" });
    // a2 never overtook a1.
    expect(due(box, now + 60_000).send).toEqual([]);
    // Retry gives a1 a new start; discarding it lets a2 go.
    expect(due(retry(box, "a1", now), now).send.map((x) => x.clientId)).toEqual(["a1"]);
    expect(due(discard(box, "a1"), now).send.map((x) => x.clientId)).toEqual(["a2"]);
  });

  it("a refusal is unsent at once with the reason; a server's wait is honoured", () => {
    let box = due(add([], "a1", "A", 0), 0).box;
    expect(failed(box, "a1", 0, { retryable: false, reason: "blocked" })[0]).toMatchObject({ state: "unsent", error: "blocked" });
    box = failed(box, "a1", 0, { retryable: true, reason: "slow down", retryAfterMs: 20_000 });
    expect(box[0]).toMatchObject({ state: "queued", nextAttemptAt: 20_000 });
    expect([0, 408, 429, 500, 503].every(isRetryable)).toBe(true);
    expect([400, 403, 404, 409, 413].some(isRetryable)).toBe(false);
  });

  it("survives a reload: what was in flight is queued again with the same id; junk is dropped", () => {
    const box = due(add(add([], "a1", "A", 0), "b1", "B", 1), 0).box;
    const back = restore(serialize(box));
    expect(back.map((x) => [x.clientId, x.state])).toEqual([
      ["a1", "queued"],
      ["b1", "queued"],
    ]);
    expect(restore("not json")).toEqual([]);
    expect(restore(JSON.stringify([{ clientId: 1 }]))).toEqual([]);
    expect(restore(null)).toEqual([]);
  });
});
