import { z } from "zod";
import { route } from "@/app/_server/route";
import { env } from "@/lib/env";
import { describeNumberProblem, parseNumber } from "@/lib/numbers/format";

const query = z.object({ n: z.string().max(60).default("") });

/** The home page's "reach a number" form; works without JavaScript. */
export const GET = route({ access: "public", query }, async ({ query }) => {
  const base = env().PUBLIC_URL;
  const digits = parseNumber(query.n);
  const target = digits
    ? `/${digits}`
    : `/?n=${encodeURIComponent(query.n)}&problem=${encodeURIComponent(describeNumberProblem(query.n) ?? "Not a number")}`;
  return new Response(null, { status: 303, headers: { location: new URL(target, base).toString() } });
});
