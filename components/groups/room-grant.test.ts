import { describe, expect, it } from "vitest";
import { GRANT_FRESH_MS, type RoomGrant, roomGrants } from "./room-grant";

/** A server that answers each ask with a numbered token, or refuses while `refuse` is set. */
function server() {
  const asked: string[] = [];
  let refuse = false;
  const ask = async (handle: string): Promise<RoomGrant> => {
    asked.push(handle);
    if (refuse) throw new Error("The room is full");
    return { url: "ws://lk", token: `t${asked.length}` };
  };
  return { ask, asked, refuse: (r: boolean) => (refuse = r) };
}

describe("room grants asked for during the preview", () => {
  it("Join uses the grant asked for while the preview showed, once", async () => {
    const s = server();
    const g = roomGrants(s.ask);
    g.prefetch("fado");
    expect(await g.take("fado")).toEqual({ url: "ws://lk", token: "t1" });
    expect(s.asked).toEqual(["fado"]);
    // A second join (left and came back) asks anew: a token is not reused.
    expect((await g.take("fado")).token).toBe("t2");
  });

  it("asks again when the prefetch failed, so that Join shows the server's error", async () => {
    const s = server();
    const g = roomGrants(s.ask);
    s.refuse(true);
    g.prefetch("fado");
    await expect(g.take("fado")).rejects.toThrow("The room is full");
    expect(s.asked).toEqual(["fado", "fado"]);
    s.refuse(false);
    g.prefetch("fado");
    expect((await g.take("fado")).token).toBe("t3");
  });

  it("a prefetch failing is recovered on Join when the server answers then", async () => {
    const s = server();
    const g = roomGrants(s.ask);
    s.refuse(true);
    g.prefetch("fado");
    await Promise.resolve();
    s.refuse(false);
    expect((await g.take("fado")).token).toBe("t2");
  });

  it("does not use a grant older than a minute, nor another room's", async () => {
    const s = server();
    let clock = 0;
    const g = roomGrants(s.ask, () => clock);
    g.prefetch("fado");
    clock = GRANT_FRESH_MS;
    expect((await g.take("fado")).token).toBe("t2");
    g.prefetch("fado");
    expect((await g.take("choro")).token).toBe("t4");
    expect(s.asked).toEqual(["fado", "fado", "fado", "choro"]);
  });
});
