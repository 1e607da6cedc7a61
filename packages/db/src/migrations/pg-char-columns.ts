import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQueryable } from "@prisma/driver-adapter-utils";
import pg from "pg";

/**
 * The migration engine reads pg_catalog, whose one-byte `"char"` columns (OID 18,
 * e.g. constraint types) @prisma/adapter-pg 7.10 rejects as unsupported, while the
 * engine expects them typed as characters. The client below labels those columns as
 * text so the adapter accepts them, and remembers which they were (keyed by the rows
 * array, which the adapter passes through untouched) so the adapter wrapper can
 * report them to the engine as characters. The values are strings either way.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumnsByRows = new WeakMap<object, number[]>();

type PgResult = { fields?: { dataTypeID: number }[]; rows?: object } | undefined;

function relabelCharColumns<T>(result: T): T {
  const { fields = [], rows } = (result ?? {}) as NonNullable<PgResult>;
  const charColumns: number[] = [];
  fields.forEach((field, index) => {
    if (field.dataTypeID !== CHAR_OID) return;
    field.dataTypeID = TEXT_OID;
    charColumns.push(index);
  });
  if (charColumns.length > 0 && rows) charColumnsByRows.set(rows, charColumns);
  return result;
}

export class CharColumnsClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; all are forwarded.
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        callback(error, error ? result : relabelCharColumns(result));
      // biome-ignore lint/suspicious/noExplicitAny: see above
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const pending = (super.query as any)(...args);
    return pending instanceof Promise ? pending.then(relabelCharColumns) : pending;
  }
}

function reportCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return queryable;
}

/** Wraps an adapter (created over a pool of CharColumnsClient) and its transactions. */
export function withCharColumns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportCharColumns(await startTransaction(isolationLevel));
  return reportCharColumns(adapter);
}
