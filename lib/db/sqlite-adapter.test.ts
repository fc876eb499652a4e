import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import { createQueue, sqliteAdapter } from "./sqlite-adapter";

const q = (sql: string, args: unknown[] = []): SqlQuery => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: "int", arity: "scalar", dbType: null }) as never),
});

let dir: string;
let file: string;
const open: { close(): unknown }[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sqlite-adapter-"));
  file = path.join(dir, "t.db");
  const setup = new Database(file);
  setup.exec("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);");
  setup.exec("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');");
  setup.close();
});

afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function adapter(busyTimeoutMs: number): Promise<SqlDriverAdapter> {
  const a = await sqliteAdapter(`file:${file}`, { busyTimeoutMs }).connect();
  open.push({ close: () => a.dispose() });
  return a;
}

function otherProcessConnection() {
  const c = new Database(file, { timeout: 0 });
  open.push(c);
  return c;
}

const ids = async (a: SqlDriverAdapter) => (await a.queryRaw(q("SELECT id FROM t ORDER BY id"))).rows.map((r) => Number(r[0]));

describe("SQLite adapter", () => {
  it("releases the write lock after a write that failed with SQLITE_BUSY (the libsql lock-up)", async () => {
    const a = await adapter(50);
    const other = otherProcessConnection();
    other.exec("BEGIN IMMEDIATE");
    await expect(a.executeRaw(q("DELETE FROM t WHERE id = ?", [2]))).rejects.toThrow();
    other.exec("COMMIT");
    expect(await a.executeRaw(q("DELETE FROM t WHERE id = ?", [3]))).toBe(1);
    // The other process can write again and sees the delete: it was committed, not left pending.
    expect(() => other.exec("BEGIN IMMEDIATE; ROLLBACK")).not.toThrow();
    expect(
      other
        .prepare("SELECT id FROM t ORDER BY id")
        .all()
        .map((r) => (r as { id: number }).id),
    ).toEqual([1, 2, 4]);
  });

  it("makes a query outside a transaction wait for it, so a rollback never takes it along", async () => {
    const a = await adapter(1000);
    const tx = await a.startTransaction();
    await tx.executeRaw(q("DELETE FROM t WHERE id = ?", [1]));
    const outside = a.executeRaw(q("DELETE FROM t WHERE id = ?", [4]));
    let outsideDone = false;
    void outside.then(() => (outsideDone = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(outsideDone).toBe(false);
    await tx.rollback();
    expect(await outside).toBe(1);
    expect(await ids(a)).toEqual([1, 2, 3]);
  });

  it("waits for another process's write instead of failing, up to the busy timeout", async () => {
    const a = await adapter(5000);
    // A real second process: better-sqlite3 waits synchronously, so a holder in this one could never let go.
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `
      const db = new (require("better-sqlite3"))(${JSON.stringify(file)});
      db.exec("BEGIN IMMEDIATE; DELETE FROM t WHERE id = 1;");
      console.log("holding");
      setTimeout(() => { db.exec("COMMIT"); db.close(); }, 300);
    `,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const tx = await a.startTransaction();
    await tx.executeRaw(q("DELETE FROM t WHERE id = ?", [2]));
    await tx.commit();
    expect(await ids(a)).toEqual([3, 4]);
  });

  it("leaves neither the transaction nor the queue behind when COMMIT fails", async () => {
    const a = await adapter(1000);
    await a.executeScript(
      "PRAGMA foreign_keys = ON; CREATE TABLE child (id INTEGER PRIMARY KEY, tId INTEGER REFERENCES t(id) DEFERRABLE INITIALLY DEFERRED);",
    );
    const tx = await a.startTransaction();
    await tx.executeRaw(q("INSERT INTO child (id, tId) VALUES (1, 99)"));
    await expect(tx.commit()).rejects.toThrow(/ForeignKey/);
    // The next transaction starts (it would fail inside a leftover one) and plain queries run.
    const next = await a.startTransaction();
    await next.executeRaw(q("DELETE FROM t WHERE id = ?", [4]));
    await next.commit();
    expect(await ids(a)).toEqual([1, 2, 3]);
    expect((await a.queryRaw(q("SELECT COUNT(*) FROM child"))).rows[0]?.[0]).toBe("0");
  });
});

describe("createQueue", () => {
  it("grants the lock in request order, one holder at a time", async () => {
    const queue = createQueue();
    const order: string[] = [];
    const job = async (name: string, ms: number) => {
      const release = await queue.acquire();
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, ms));
      order.push(`${name}-`);
      release();
    };
    await Promise.all([job("a", 20), job("b", 1), job("c", 5)]);
    expect(order).toEqual(["a+", "a-", "b+", "b-", "c+", "c-"]);
  });
});
