import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { inject } from "vitest";
import { newAddress } from "./http";

/**
 * Streams `total` bytes of chunked body (no Content-Length) and stops as soon as the answer arrives.
 * Returns the answer, how many bytes had been handed to the socket by then (a server that reads the
 * whole body before answering only answers after all of them), and how many of those the server
 * process had read: the rest still sat in the kernels' buffers, up to a few MiB of them.
 */
export function streamUntilAnswered(
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number; body: string; sent: number; read: number }> {
  const url = new URL(path, inject("baseUrl"));
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const { ":method": method = "POST", ...rest } = headers;
    const req = http.request(url, { method, headers: { ...rest, "x-forwarded-for": newAddress(), "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      answered = true;
      const sentAtAnswer = sent;
      const q = kernelQueues(req.socket);
      // What the server process has read: handed over, minus what is still on this side or unread on its side.
      // (A request's writableLength includes its socket's.)
      const read = sent - req.writableLength - q.unacknowledged - q.unread;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent: sentAtAnswer, read });
      });
    });
    req.on("error", (err) => {
      // The server may close the connection right after its early answer.
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}

export type RawAnswer = { status: number; headers: Record<string, string>; body: string };

/**
 * Sends `head` (request line and headers, without the blank line) exactly as written over a plain
 * socket, for request targets no HTTP client would send: absolute-form (`GET http://host/path`),
 * `*`, dot segments. Reads one answer; the connection is closed after it.
 */
export function rawRequest(head: string): Promise<RawAnswer> {
  const base = new URL(inject("baseUrl"));
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname, () => {
      socket.write(`${head}\r\nhost: ${base.host}\r\nx-forwarded-for: ${newAddress()}\r\nconnection: close\r\n\r\n`);
    });
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (d: string) => (text += d));
    socket.on("error", reject);
    socket.on("close", () => {
      const [top = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...lines] = top.split("\r\n");
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(":");
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1] ?? 0), headers, body: rest.join("\r\n\r\n") });
    });
  });
}

/**
 * What the kernel holds of a loopback connection, from this socket's side (Linux: /proc/net/tcp and
 * tcp6): `unacknowledged`, bytes in this socket's send queue the peer's kernel has not acknowledged;
 * `unread`, bytes the peer's kernel received that the peer process has not read.
 */
export function kernelQueues(socket: net.Socket | null | undefined): { unacknowledged: number; unread: number } {
  if (!socket?.localPort || !socket.remotePort) return { unacknowledged: 0, unread: 0 };
  const port = (n: number) => `:${n.toString(16).toUpperCase().padStart(4, "0")}`;
  const rows = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((table) =>
    fs
      .readFileSync(table, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/)),
  );
  const find = (local: number, remote: number) => {
    const row = rows.find(([, l = "", r = ""]) => l.endsWith(port(local)) && r.endsWith(port(remote)));
    if (!row) throw new Error("the connection is not in /proc/net/tcp: this measure needs Linux and a loopback server");
    return row[4]!.split(":").map((h) => parseInt(h, 16));
  };
  return { unacknowledged: find(socket.localPort, socket.remotePort)[0]!, unread: find(socket.remotePort, socket.localPort)[1]! };
}
