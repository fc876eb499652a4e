import { z } from "zod";
import { route } from "@/app/_server/route";
import { env } from "@/lib/env";
import { describeDialProblem, parseDialled } from "@/lib/numbers/spelling";

const query = z.object({ n: z.string().max(60).default("") });

/**
 * The home page's "reach a number" form; works without JavaScript. A number (digits or spelled)
 * goes to its address, a word alone to /<WORD>, whose page finds who shows it.
 */
export const GET = route({ access: "public", query }, async ({ query }) => {
  const base = env().PUBLIC_URL;
  const dialled = parseDialled(query.n);
  const target = dialled
    ? `/${"digits" in dialled ? dialled.digits : dialled.word}`
    : `/?n=${encodeURIComponent(query.n)}&problem=${encodeURIComponent(describeDialProblem(query.n))}`;
  return new Response(null, { status: 303, headers: { location: new URL(target, base).toString() } });
});
