import type { TestProject } from "vitest/node";
import { startStack, type Stack } from "../support/stack";

let stack: Stack | undefined;

/** Uses the stack scripts/test-all.ts started (BASE_URL), or starts one on SQLite. */
export async function setup(project: TestProject) {
  if (process.env.BASE_URL && process.env.DATABASE_URL) {
    project.provide("baseUrl", process.env.BASE_URL);
    project.provide("databaseUrl", process.env.DATABASE_URL);
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
