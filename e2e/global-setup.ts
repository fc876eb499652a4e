import { startStack } from "../tests/support/stack";
import { testEnv } from "../tests/support/test-env";

/** Starts a portal on SQLite when the runner did not pass BASE_URL. Returns the teardown. */
export default async function globalSetup() {
  if (testEnv().BASE_URL) return;
  const stack = await startStack({ port: 3330 });
  return () => stack.stop();
}
