import { describe, expect, it } from "vitest";
import { BatchQueue } from "./batch-queue";

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("BatchQueue", () => {
  it("writes what arrives during a write as the next batch, in order, never two at once", async () => {
    const batches: number[][] = [];
    let open = 0;
    let release!: () => void;
    const q = new BatchQueue<number, number>(async (items) => {
      open++;
      expect(open).toBe(1);
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      open--;
      return items.map((i) => i * 10);
    });
    const first = q.submit(1);
    await tick();
    const later = [2, 3, 4].map((i) => q.submit(i));
    expect(q.backlog).toBe(3);
    release();
    expect(await first).toBe(10);
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it("submissions in one turn share a batch", async () => {
    const batches: number[][] = [];
    const q = new BatchQueue<number, number>((items) => (batches.push(items), items));
    await Promise.all([q.submit(1), q.submit(2), q.submit(3)]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it("an item's error fails that item only; a failed write fails its batch, and the next batch still runs", async () => {
    let calls = 0;
    const q = new BatchQueue<number, number>((items) => {
      calls++;
      if (calls === 2) throw new Error("disk full");
      return items.map((i) => (i === 2 ? new Error("bad item") : i));
    });
    const a = await Promise.allSettled([q.submit(1), q.submit(2), q.submit(3)]);
    expect(a.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    await expect(q.submit(4)).rejects.toThrow("disk full");
    expect(await q.submit(5)).toBe(5);
  });

  it("splits a long queue into batches of at most maxBatch", async () => {
    const sizes: number[] = [];
    const q = new BatchQueue<number, number>((items) => (sizes.push(items.length), items), 4);
    await Promise.all(Array.from({ length: 10 }, (_, i) => q.submit(i)));
    expect(sizes).toEqual([4, 4, 2]);
  });
});
