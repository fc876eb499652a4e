import net from "node:net";
import { inject } from "vitest";
import { newAddress } from "./http";

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
