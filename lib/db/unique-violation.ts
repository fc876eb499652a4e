/**
 * Which unique constraint a failed write ran into, or null if the error is
 * something else. Prisma reports P2002; through driver adapters the fields sit
 * in meta.target or in meta.driverAdapterError.cause.constraint. A statement sent straight through
 * pg (`directPgStatement`) fails with SQLSTATE 23505 and the constraint's name ("Member_handleKey_key",
 * "Handle_pkey"), which is what is returned then.
 */
export function uniqueViolationFields(err: unknown): string[] | null {
  if (!err || typeof err !== "object") return null;
  const e = err as { code?: string; meta?: Record<string, unknown>; message?: string; constraint?: unknown };
  if (e.code === "23505") return typeof e.constraint === "string" ? [e.constraint] : [];
  if (e.code !== "P2002") return null;
  const meta = e.meta ?? {};
  const target = meta.target;
  if (Array.isArray(target)) return target.map(String);
  if (typeof target === "string") return [target];
  const cause = (meta.driverAdapterError as { cause?: { constraint?: { fields?: string[]; index?: string } } } | undefined)?.cause;
  if (cause?.constraint?.fields) return cause.constraint.fields.map((f) => f.replace(/"/g, ""));
  if (cause?.constraint?.index) return [cause.constraint.index];
  return [];
}

export function isUniqueViolationOn(err: unknown, field: string): boolean {
  const fields = uniqueViolationFields(err);
  return !!fields && fields.some((f) => f === field || f.includes(field));
}
