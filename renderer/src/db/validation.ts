import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import { META_INSTANCE_SCHEMA_TITLE, getPrimaryFieldOfPrimaryKey } from 'rxdb/plugins/core';
import type { BulkWriteRow, RxJsonSchema, RxStorage, RxStorageBulkWriteResponse, RxStorageInstance } from 'rxdb/plugins/core';
import { quickCheck } from './quickCheck';

/** What is wrong with a document: the field's path and the reason; empty when it is valid. */
export type SchemaCheck = (doc: unknown) => { field: string; message: string }[];

/**
 * The validator is @cfworker/json-schema: like z-schema (RxDB's CSP-safe choice) it interprets
 * schemas instead of compiling them with `new Function`, which the app's CSP forbids, but it is
 * about nine times faster. With z-schema, validating a filled-in persona took about 1 ms, and
 * validation alone held a first sync of a large team under 200 documents a second.
 */
export function schemaCheck(schema: RxJsonSchema<unknown>): SchemaCheck {
  const validator = new Validator(schema as unknown as Schema, '7', false);
  // Most documents are valid: the quick check passes them without the validator's error bookkeeping.
  const quick = quickCheck(schema);
  return (doc) => {
    if (quick?.(doc)) return [];
    const result = validator.validate(doc);
    if (result.valid) return [];
    // The innermost errors say what is wrong; the outer ones only repeat "property x is invalid".
    const leaves = result.errors.filter((e) => e.keyword !== 'properties' && e.keyword !== 'items' && e.keyword !== 'allOf');
    return (leaves.length > 0 ? leaves : result.errors).map((e) => ({ field: e.instanceLocation.replace(/^#\/?/, ''), message: e.error }));
  };
}

/**
 * Writes to a replication's meta instance whose `docData` is a document this storage already checked
 * against its collection's schema: the state just written to the collection (a pull) or the local
 * state just pushed (RxDB's replication protocol, downstream.js and upstream.js). Any other meta
 * write, notably `replication-up-write-conflict-meta` (the server's copy a push conflicted with,
 * which never went through the collection), has its `docData` checked in full.
 */
export const checkedDocDataContexts: ReadonlySet<string> = new Set(['replication-down-write-meta', 'replication-up-write-meta']);

/**
 * The meta instance's schema with `docData` only required to be an object. RxDB's meta schema
 * carries the collection's properties under `docData`, so without this every pulled document was
 * checked twice, and the second check was half the client's CPU of a first sync (issue 20 bench).
 */
function withDocDataAsObject(schema: RxJsonSchema<unknown>): RxJsonSchema<unknown> {
  const properties = (schema as unknown as { properties: Record<string, unknown> }).properties;
  return { ...schema, properties: { ...properties, docData: { type: 'object' } } } as RxJsonSchema<unknown>;
}

/** Validators by schema JSON: every workspace opened in a process shares them (RxDB does the same). */
const cache = new Map<string, SchemaCheck>();
function cachedCheck(schema: RxJsonSchema<unknown>): SchemaCheck {
  const key = JSON.stringify(schema);
  let check = cache.get(key);
  if (!check) cache.set(key, (check = schemaCheck(schema)));
  return check;
}

type Instance = RxStorageInstance<unknown, unknown, unknown>;

/**
 * Wraps a storage so every write is checked against its collection's JSON schema before it lands;
 * a document that fails is refused with status 422 and its errors, as RxDB's own validate plugins
 * do. The one difference from RxDB's `wrappedValidateStorageFactory`: see {@link checkedDocDataContexts}.
 */
export function wrappedValidateStorage({ storage }: { storage: RxStorage<unknown, unknown> }): RxStorage<unknown, unknown> {
  return Object.assign({}, storage, {
    name: `validate-cfworker-json-schema-${storage.name}`,
    async createStorageInstance(params: Parameters<RxStorage<unknown, unknown>['createStorageInstance']>[0]) {
      const instance = (await storage.createStorageInstance(params)) as Instance;
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey as never) as string;
      const schema = params.schema as RxJsonSchema<unknown>;
      const isMeta = schema.title === META_INSTANCE_SCHEMA_TITLE;
      // Built on the first write: some validators take long to build, and most collections stay idle.
      let full: SchemaCheck | undefined;
      let light: SchemaCheck | undefined;
      const checkFor = (context: string): SchemaCheck =>
        isMeta && checkedDocDataContexts.has(context) ? (light ??= cachedCheck(withDocDataAsObject(schema))) : (full ??= cachedCheck(schema));
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows: BulkWriteRow<unknown>[], context: string): Promise<RxStorageBulkWriteResponse<unknown>> => {
        const check = checkFor(context);
        const refused: RxStorageBulkWriteResponse<unknown>['error'] = [];
        const passed: BulkWriteRow<unknown>[] = [];
        for (const row of rows) {
          const validationErrors = check(row.document);
          if (validationErrors.length === 0) passed.push(row);
          else {
            const documentId = String((row.document as Record<string, unknown>)[primaryPath]);
            refused.push({ status: 422, isError: true, documentId, validationErrors, schema: instance.schema, writeRow: row, context } as never);
          }
        }
        const result = passed.length > 0 ? await write(passed, context) : { error: [] };
        for (const error of refused) result.error.push(error);
        return result;
      };
      return instance;
    },
  }) as RxStorage<unknown, unknown>;
}
