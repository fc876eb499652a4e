import { prisma } from "./prisma";

// Generates both clients (SQLite and PostgreSQL) from the one schema.
await import("./gen-postgres-schema");
prisma(["generate"], { env: { DATABASE_URL: "file:unused.db" }, quiet: true });
prisma(["generate"], { env: { DATABASE_URL: "postgresql://unused@127.0.0.1/unused" }, quiet: true });
console.log("generated Prisma clients for SQLite and PostgreSQL");
