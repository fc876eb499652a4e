import type { TestProject } from "vitest/node";
import { env } from "../../lib/env";
import { startStack, type Stack } from "../support/stack";

let stack: Stack | undefined;

/** Uses the stack scripts/test-all.ts started (BASE_URL), or starts one on SQLite. */
export async function setup(project: TestProject) {
  const e = env();
  if (e.BASE_URL && e.databaseUrlGiven) {
    project.provide("baseUrl", e.BASE_URL);
    project.provide("databaseUrl", e.DATABASE_URL);
    return;
  }
  stack = await startStack({ port: 3310 });
  project.provide("baseUrl", stack.url);
  project.provide("databaseUrl", stack.databaseUrl);
}

export async function teardown() {
  await stack?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}
