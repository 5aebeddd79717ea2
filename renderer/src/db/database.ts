import { addRxPlugin, createRxDatabase } from 'rxdb/plugins/core';
import type { RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb/plugins/core';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { collectionSchemas, maxCollections } from '../../../common/db/collections';
import type { CollectionName } from '../../../common/db/collections';
import { migrations } from '../../../common/db/migrations';
import { AgreedBases, registerAgreedBases } from './agreedBases';
import type { ConflictRecord } from './conflicts';
import { mergeConflictHandler } from './conflicts';
import { recordConflict } from './recordConflict';
import { wrappedValidateStorage } from './validation';

addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

/** A stored document of any collection, as plain JSON. */
export type StoredDoc = Record<string, unknown> & { id: string };

/**
 * What a collection accepts: any object with an id. The typed shape of each collection is checked
 * by its schema on write and by the feature's parser on read, so TypeScript interfaces (which have
 * no index signature) can be written without casts.
 */
// `any` (not `unknown`) on purpose: only an index signature of type any accepts interfaces.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface WritableDoc { id: string; [field: string]: any }

/** The workspace database: one RxDB database holding every collection of the model. */
export type Workspace = RxDatabase<{ [K in CollectionName]: RxCollection<WritableDoc> }>;

/** The default local database name; each synced workspace gets its own name. */
export const defaultWorkspaceName = 'cxstudio';

/**
 * Opens the workspace on the given storage (Dexie in the app, memory in unit tests). Every write is
 * validated against its schema by an interpreting validator (./validation.ts): the CSP forbids eval.
 * Never open a second copy in the same process: free RxDB caps open collections at 13.
 */
export async function createDatabase(
  storage: RxStorage<unknown, unknown>,
  name = defaultWorkspaceName,
  options: { /** Who records kept conflicts; a function is read at each conflict (the name can change while open). */ author?: string | (() => string); /** Open only these collections (tests that need two workspaces in one process). */ only?: CollectionName[] } = {},
): Promise<Workspace> {
  const names = options.only ?? (Object.keys(collectionSchemas) as CollectionName[]);
  if (names.length > maxCollections) throw new Error(`The model has ${names.length} collections; the budget is ${maxCollections}.`);
  const db = (await createRxDatabase({
    name,
    storage: wrappedValidateStorage({ storage }),
    multiInstance: false,
    closeDuplicates: true,
  })) as unknown as Workspace;
  try {
    // Personas and journeys merge concurrent edits element by element and keep what lost in
    // history; the other collections are append-only or deterministic, so the server's state wins.
    const author = () => (typeof options.author === 'function' ? options.author() : options.author ?? 'This computer');
    const record = (entry: ConflictRecord) => recordConflict(db, entry, author());
    const bases = new Map([['personas', new AgreedBases()], ['journeys', new AgreedBases()]]);
    registerAgreedBases(db, bases);
    const handlers: Partial<Record<CollectionName, ReturnType<typeof mergeConflictHandler>>> = {
      personas: mergeConflictHandler('persona', record, bases.get('personas')),
      journeys: mergeConflictHandler('journey', record, bases.get('journeys')),
    };
    const spec = Object.fromEntries(
      names.map((n) => [
        n,
        {
          schema: collectionSchemas[n] as unknown as RxJsonSchema<WritableDoc>,
          migrationStrategies: migrations[n],
          ...(handlers[n] ? { conflictHandler: handlers[n] } : {}),
          // Local documents never replicate: datasets keep the register of imports not yet confirmed there.
          ...(n === 'datasets' ? { localDocuments: true } : {}),
        },
      ]),
    );
    await db.addCollections(spec);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
