import type * as v from 'valibot';

/** One thing wrong with a persona or an import, located by a path such as `sections[2].data.items[0].text`. */
export interface PersonaProblem {
  /** Where the problem is, from the document (or envelope) root; empty for the whole thing. */
  path: string;
  /** A sentence a user can act on. */
  message: string;
}

/** The outcome of a check: the cleaned value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: PersonaProblem[] };

/** Joins a base path and a key the way the UI shows paths: `a.b[2].c`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (key === '') return base;
  return base === '' ? key : `${base}.${key}`;
}

/** Builds a path from segments, e.g. `['sections', 2, 'title']` → `sections[2].title`. */
export function pathOf(segments: readonly (string | number)[], base = ''): string {
  return segments.reduce<string>((p, s) => joinPath(p, s), base);
}

/** Turns valibot issues into problems with paths below `base`. */
export function issuesToProblems(issues: readonly v.BaseIssue<unknown>[], base = ''): PersonaProblem[] {
  return issues.map((issue) => {
    const segments = (issue.path ?? []).map((item) => {
      const key: unknown = item.key;
      return typeof key === 'number' || typeof key === 'string' ? key : String(key);
    });
    // valibot words a missing key as `Invalid key: Expected "id" but received undefined`; the path
    // already names the key, so say it plainly.
    const missing = issue.kind === 'schema' && issue.type === 'object' && issue.received === 'undefined';
    return { path: pathOf(segments, base), message: missing ? 'This field is missing.' : issue.message };
  });
}

/** One line per problem, for logs and plain-text reports. */
export function formatProblems(problems: readonly PersonaProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}
