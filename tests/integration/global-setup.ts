import path from "node:path";
import type { TestProject } from "vitest/node";
import { env } from "../../lib/env";
import { testEnv } from "../support/test-env";
import { startStack, type Stack } from "../support/stack";

let stack: Stack | undefined;

/** Uses the stack scripts/test-all.ts started (BASE_URL), or starts one on SQLite. */
export async function setup(project: TestProject) {
  const e = env();
  const t = testEnv();
  if (t.BASE_URL && e.databaseUrlGiven) {
    project.provide("baseUrl", t.BASE_URL);
    project.provide("databaseUrl", e.DATABASE_URL);
    project.provide("dataDir", t.STACK_DATA_DIR ?? (e.dbKind === "sqlite" ? path.dirname(e.DATABASE_URL.slice(5)) : ""));
    return;
  }
  stack = await startStack({ port: 3310 });
  project.provide("baseUrl", stack.url);
  project.provide("databaseUrl", stack.databaseUrl);
  project.provide("dataDir", stack.dataDir);
}

export async function teardown() {
  await stack?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    /** The stack's data folder ("" when unknown): files, uploads, the email outbox. */
    dataDir: string;
  }
}
