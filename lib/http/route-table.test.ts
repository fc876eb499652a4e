import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, exportedMethods, matchRoute, scanPageRoutes, scanRoutes, type RouteEntry } from "./route-table";

describe("route table", () => {
  it("reads the methods a route module exports, in every form", () => {
    expect(exportedMethods("export const GET = route(...);\nexport async function POST() {}\nexport const helper = 1;")).toEqual([
      "GET",
      "POST",
    ]);
    expect(exportedMethods("export { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export function DELETE() {}\nexport const PATCH = x;")).toEqual(["PATCH", "DELETE"]);
  });

  it("matches static segments before dynamic ones, and catch-alls last", () => {
    const r = (segments: string[]): RouteEntry => ({ segments, methods: ["GET"], file: segments.join("/") });
    const routes = [
      r(["api", "calls", "[id]"]),
      r(["api", "calls", "incoming"]),
      r(["api", "auth", "[...nextauth]"]),
      r(["api", "calls", "[id]", "[action]"]),
    ];
    expect(matchRoute(routes, ["api", "calls", "incoming"])?.file).toBe("api/calls/incoming");
    expect(matchRoute(routes, ["api", "calls", "abc"])?.file).toBe("api/calls/[id]");
    expect(matchRoute(routes, ["api", "calls", "abc", "accept"])?.file).toBe("api/calls/[id]/[action]");
    expect(matchRoute(routes, ["api", "auth", "callback", "credentials"])?.file).toBe("api/auth/[...nextauth]");
    expect(matchRoute(routes, ["api", "auth"])).toBeNull();
    expect(matchRoute(routes, ["api", "calls", "a", "b", "c"])).toBeNull();
    expect(allowedMethods(routes[0]!)).toEqual(["GET", "HEAD", "OPTIONS"]);
  });

  it("scans the API's route files, and apart from them the route files at page paths", () => {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), "route-table-"));
    const file = (rel: string, source: string) => {
      fs.mkdirSync(path.dirname(path.join(app, rel)), { recursive: true });
      fs.writeFileSync(path.join(app, rel), source);
    };
    file("api/health/route.ts", "export const GET = h;");
    file("api/(group)/calls/[id]/route.ts", "export const POST = h;");
    file("go/route.ts", "export const GET = h;");
    file("(shop)/feed/route.ts", "export const GET = h; export const POST = h;");
    file("_server/route.ts", "export const POST = h;");
    file("[handle]/page.tsx", "export default function Page() {}");
    try {
      const seg = (rs: RouteEntry[]) => rs.map((r) => `${r.segments.join("/")} ${r.methods.join(",")}`).sort();
      expect(seg(scanRoutes(app))).toEqual(["api/calls/[id] POST", "api/health GET"]);
      expect(seg(scanPageRoutes(app))).toEqual(["feed GET,POST", "go GET"]);
    } finally {
      fs.rmSync(app, { recursive: true, force: true });
    }
  });
});
