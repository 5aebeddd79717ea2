import * as v from 'valibot';
import { maxAssetBase64Length } from '../db/schemas/assets';
import { journeySnapshotSchema } from '../journey/journey';
import { validatePersona } from '../persona/document';
import { issuesToProblems, joinPath, pathOf } from '../persona/problems';
import { schemaProblems } from './schemaCheck';
import { emptyCollections, workspaceCollections, type FileProblem, type WorkspaceCollection, type WorkspaceContent, type WorkspaceDoc } from './format';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** Most problems listed; past this a file is plainly not a workspace and more lines help nobody. */
const maxProblems = 200;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The feature parsers' checks, where a feature has one; they word problems better than the stored
 * schema, which every document must pass as well (see {@link schemaProblems}).
 */
const docChecks: Partial<Record<WorkspaceCollection, (doc: Obj, path: string) => FileProblem[]>> = {
  personas: (doc, path) => {
    const r = validatePersona(doc);
    return r.ok ? [] : r.problems.map((p) => ({ path: joinPath(path, p.path), message: p.message }));
  },
  journeys: (doc, path) => {
    const r = v.safeParse(journeySnapshotSchema, doc);
    return r.success ? [] : issuesToProblems(r.issues, path);
  },
  assets: (doc, path) => {
    const out: FileProblem[] = [];
    if (typeof doc.mimeType !== 'string' || !/^image\/[a-z0-9.+-]+$/i.test(doc.mimeType)) out.push({ path: joinPath(path, 'mimeType'), message: 'An asset must be an image type such as image/png.' });
    if (typeof doc.data !== 'string' || doc.data.length > maxAssetBase64Length) out.push({ path: joinPath(path, 'data'), message: 'Asset data must be base64 of at most about 2 MB.' });
    return out;
  },
  datasets: (doc, path) => (doc.kind === 'header' || doc.kind === 'chunk' ? [] : [{ path: joinPath(path, 'kind'), message: 'A dataset document is a header or a chunk.' }]),
  history: (doc, path) => (['persona', 'journey'].includes(String(doc.entity)) && isObj(doc.snapshot) ? [] : [{ path, message: 'A history entry needs an entity (persona or journey) and a snapshot.' }]),
};

/** The result of checking a file's content: the typed content when there were no problems. */
export interface CheckedContent {
  content: WorkspaceContent | null;
  problems: FileProblem[];
  /** How many problems were found; `problems` keeps only the first {@link maxProblems}. */
  problemCount: number;
  /** Things ignored on purpose (unknown collections from a newer app), worth telling the user. */
  warnings: FileProblem[];
}

/**
 * Checks decrypted content before anything is written: every known collection is a list of objects
 * with unique URL-safe ids, every document passes its collection's stored JSON schema (exactly what
 * the database enforces on write), and personas and journeys pass their model's validation too.
 * Every problem is reported with its path; one problem anywhere refuses the whole file, so a
 * restore never stops half-way on a document the database refuses.
 */
export function checkContent(raw: unknown): CheckedContent {
  const problems: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  if (!isObj(raw)) return { content: null, problems: [{ path: '', message: 'The file content must be an object.' }], problemCount: 1, warnings };
  if (typeof raw.name !== 'string' || raw.name.length > 200) problems.push({ path: 'name', message: 'The workspace name must be text of at most 200 characters.' });
  if (typeof raw.createdAt !== 'number' || !Number.isFinite(raw.createdAt)) problems.push({ path: 'createdAt', message: 'The file date must be a time.' });
  if (!isObj(raw.collections)) return { content: null, problems: [...problems, { path: 'collections', message: 'The file has no collections.' }], problemCount: problems.length + 1, warnings };
  const collections = emptyCollections();
  // Problems past the first maxProblems are counted, not kept: a hostile file must not fill memory with them.
  let dropped = 0;
  const trim = () => {
    if (problems.length <= maxProblems) return;
    dropped += problems.length - maxProblems;
    problems.length = maxProblems;
  };
  for (const key of Object.keys(raw.collections)) {
    if (!(workspaceCollections as readonly string[]).includes(key)) warnings.push({ path: pathOf(['collections', key]), message: `Ignored "${key.slice(0, 40)}": this app does not keep that collection in workspace files.` });
  }
  for (const name of workspaceCollections) {
    const list = raw.collections[name];
    const base = pathOf(['collections', name]);
    if (list === undefined) continue;
    if (!Array.isArray(list)) { problems.push({ path: base, message: 'Must be a list of documents.' }); continue; }
    const seen = new Set<string>();
    list.forEach((doc: unknown, i) => {
      trim();
      const path = pathOf([name, i]);
      if (!isObj(doc)) return void problems.push({ path, message: 'Must be a document (an object).' });
      if (typeof doc.id !== 'string' || !idPattern.test(doc.id)) return void problems.push({ path: joinPath(path, 'id'), message: 'Must be an id of 1–64 letters, digits, "_" or "-".' });
      if (seen.has(doc.id)) problems.push({ path: joinPath(path, 'id'), message: `The id "${doc.id}" appears twice.` });
      seen.add(doc.id);
      const featureProblems = docChecks[name]?.(doc, path) ?? [];
      problems.push(...(featureProblems.length > 0 ? featureProblems : schemaProblems(name, doc, path)));
      collections[name].push(doc as WorkspaceDoc);
    });
  }
  trim();
  if (problems.length > 0) return { content: null, problems, problemCount: problems.length + dropped, warnings };
  return { content: { name: raw.name as string, createdAt: raw.createdAt as number, collections }, problems, problemCount: 0, warnings };
}

/**
 * The one-line refusal a user reads: how many problems, the first few with their paths, and that
 * nothing was written ("3 problems, nothing was restored: snapshots[0].metrics: This field is missing; …").
 */
export function refusalMessage(problems: readonly FileProblem[], count: number, shown = 3): string {
  const first = problems.slice(0, shown).map((p) => `${p.path || '(file)'}: ${p.message.replace(/\.$/, '')}`);
  const more = count - first.length;
  return `The file has ${count} problem${count === 1 ? '' : 's'}, so nothing was restored: ${first.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
