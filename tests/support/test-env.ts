import { z } from "zod";

/**
 * The test harness's and the benchmarks' own variables, read and checked once (the portal's
 * configuration is lib/env.ts; these never reach it).
 */
const schema = z.object({
  /** A running portal to test instead of starting one. Vitest itself sets BASE_URL to "/" (Vite's base path): only an absolute URL counts. */
  BASE_URL: z
    .string()
    .optional()
    .transform((v) => (v && /^https?:\/\//.test(v) ? v : undefined)),
  /** That portal's data folder (uploads, the email outbox). */
  STACK_DATA_DIR: z.string().optional(),
  /** Echo the started portal's log. */
  STACK_LOG: z.string().optional(),
  /**
   * Debian's Chromium as Playwright runs it headless by default: its headless shell (package
   * chromium-headless-shell, the same build as `chromium`). On CI's two cores it does the same specs
   * with 20-28 % less processor than the full browser run headless (BENCHMARKS.md, CI time).
   */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium-headless-shell"),
  /** `SKIP_POSTGRES=1 npm test` runs the SQLite half only. */
  SKIP_POSTGRES: z
    .string()
    .optional()
    .transform((v) => v === "1"),
  /** Benchmarks: print the pages' console and failed requests. */
  BENCH_DEBUG: z.string().optional().transform(Boolean),
});

export type TestEnv = z.infer<typeof schema>;

export function parseTestEnv(source: Record<string, string | undefined>): TestEnv {
  return schema.parse(source);
}

let cached: TestEnv | undefined;
export function testEnv(): TestEnv {
  cached ??= parseTestEnv(process.env);
  return cached;
}
