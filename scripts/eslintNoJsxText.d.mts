import type { Rule } from 'eslint';

/** ESLint rule `cx/no-jsx-text`: hard-coded user-facing text in JSX. */
export const noJsxText: Rule.RuleModule;
/** The local plugin holding it. */
export const cxPlugin: { rules: Record<string, Rule.RuleModule> };
