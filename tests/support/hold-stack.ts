/**
 * Starts one stack and keeps it running until killed, printing what the integration tests need to
 * use it (BASE_URL, DATABASE_URL, STACK_DATA_DIR), as scripts/test-all.ts passes them:
 *   npx tsx tests/support/hold-stack.ts <port> sqlite|postgres
 */
import { startStack } from "./stack";

const [port, db] = process.argv.slice(2);
const stack = await startStack({ port: Number(port), db: db === "postgres" ? "postgres" : "sqlite" });
console.log(JSON.stringify({ BASE_URL: stack.url, DATABASE_URL: stack.databaseUrl, STACK_DATA_DIR: stack.dataDir }));
const stop = () => void stack.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
