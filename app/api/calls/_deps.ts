import "server-only";
import { bus } from "@/lib/bus";
import { db } from "@/lib/db/client";

export const callDeps = async () => ({ db: await db(), bus: bus() });
