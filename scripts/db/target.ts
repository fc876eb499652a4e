import { env } from "../../lib/env";

/** Which schema, migrations folder and driver adapter the Prisma CLI should use. */
export function migrateTarget() {
  const { DATABASE_URL, dbKind } = env();
  if (dbKind === "postgres") {
    return {
      kind: dbKind,
      schemaDir: "postgres",
      async adapter() {
        const { PrismaPg } = await import("@prisma/adapter-pg");
        return withNameColumnsAsText(new PrismaPg({ connectionString: DATABASE_URL }));
      },
    };
  }
  return {
    kind: dbKind,
    schemaDir: "",
    async adapter() {
      const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
      return new PrismaBetterSQLite3({ url: DATABASE_URL, timeout: 5000 });
    },
  };
}

type Queryable = { performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[] }> };
const NAME_OIDS = new Set([18 /* char */, 19 /* name */]);
const TEXT_OID = 25;
let patched = false;

/**
 * The schema engine reads the catalog, whose `name` columns adapter-pg 6.19 refuses
 * ("Column type 'name' could not be deserialized", prisma/orm#27403). For the CLI
 * only, report them as text, which is what they are.
 */
function withNameColumnsAsText<F extends { connect(): Promise<unknown>; connectToShadowDb(): Promise<unknown> }>(factory: F): F {
  const patch = (adapter: unknown) => {
    if (patched) return adapter;
    let proto = Object.getPrototypeOf(adapter);
    while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    if (!proto) throw new Error("adapter-pg changed: performIO not found; revisit scripts/db/target.ts");
    const original = proto.performIO as Queryable["performIO"];
    proto.performIO = async function (this: Queryable, q: unknown) {
      const result = await original.call(this, q);
      for (const f of result.fields) if (NAME_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
      return result;
    };
    patched = true;
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectShadow());
  return factory;
}
