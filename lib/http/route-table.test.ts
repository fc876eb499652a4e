import { describe, expect, it } from "vitest";
import { allowedMethods, exportedMethods, matchRoute, type RouteEntry } from "./route-table";

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
});
