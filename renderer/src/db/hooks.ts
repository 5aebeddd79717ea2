import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MangoQuery, RxDocument } from 'rxdb/plugins/core';
import type { CollectionName } from '../../../common/db/collections';
import type { Result } from '../../../common/result';
import type { StoredDoc, WritableDoc } from './database';
import { docProblems, partitionDocs } from './validDocs';
import type { DocProblem } from './validDocs';
import { useWorkspace } from './WorkspaceContext';

/** A live query's state: parsed items, whether the first result is still loading, skipped docs. */
export interface LiveQuery<T> { items: T[]; loading: boolean; problems: DocProblem[] }

/** Accepts any stored document as it is (for collections whose schema is the whole check). */
export const acceptStored = (doc: unknown): Result<StoredDoc> => ({ ok: true, data: doc as StoredDoc });

/**
 * Subscribes to a Mango query and keeps its parsed results up to date. The subscription is owned by
 * the hook and ends with it. Documents the parser refuses are skipped and reported workspace-wide.
 * `queryKey` must change whenever the query does (a JSON string of it is fine).
 */
export function useLiveQuery<T>(
  collection: CollectionName,
  query: MangoQuery<WritableDoc>,
  parse: (doc: unknown) => Result<T>,
  queryKey: string = JSON.stringify(query),
): LiveQuery<T> {
  const db = useWorkspace();
  const [state, setState] = useState<LiveQuery<T>>({ items: [], loading: true, problems: [] });
  useEffect(() => {
    const source = `${collection}:${queryKey}`;
    const parseDoc = cachedParse(parse);
    const sub = db[collection].find(query).$.subscribe({
      next: (docs) => {
        const { items, problems } = partitionDocs(collection, docs, parseDoc);
        docProblems.report(source, problems);
        setState({ items, loading: false, problems });
      },
      error: (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setState({ items: [], loading: false, problems: [{ collection, id: '(query)', message }] });
      },
    });
    return () => sub.unsubscribe();
    // The query object is described by queryKey; parse is expected to be a stable module function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, collection, queryKey]);
  return state;
}

// RxDB hands out the same RxDocument object for a document until it changes, so results are kept
// per object: when one persona of ten thousand changes (an edit, or a sync batch landing), the list
// parses that one, not all of them.
const parsedByParser = new WeakMap<(doc: unknown) => Result<unknown>, WeakMap<object, Result<unknown>>>();

/** `parse` applied to an RxDocument's JSON, remembered per document object. */
export function cachedParse<T>(parse: (doc: unknown) => Result<T>): (doc: unknown) => Result<T> {
  let cache = parsedByParser.get(parse);
  if (!cache) parsedByParser.set(parse, (cache = new WeakMap()));
  const known = cache;
  return (doc) => {
    const hit = known.get(doc as object);
    if (hit) return hit as Result<T>;
    const result = parse((doc as RxDocument<WritableDoc>).toJSON());
    known.set(doc as object, result);
    return result;
  };
}

/** One document by id, parsed, live; `item` is null when it does not exist or was refused. */
export function useLiveDocument<T>(
  collection: CollectionName,
  id: string | null,
  parse: (doc: unknown) => Result<T>,
): { item: T | null; loading: boolean; problem: DocProblem | null } {
  const { items, loading, problems } = useLiveQuery(collection, { selector: { id: id ?? '' } }, parse, `doc:${id ?? ''}`);
  return { item: items[0] ?? null, loading, problem: problems[0] ?? null };
}

/** Every stored document the app skipped, for the banner. */
export function useDocProblems(): readonly DocProblem[] {
  return useSyncExternalStore(docProblems.subscribe, docProblems.snapshot);
}
