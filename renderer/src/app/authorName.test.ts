import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { authorName, authorNameProblem, chosenAuthorName, clearAuthorName, setAuthorName, setSignedInUser, unnamedAuthor, validateAuthorName } from './authorName';

// A minimal localStorage (unit tests run in Node).
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}
beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});
afterEach(() => {
  setSignedInUser(null);
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('the author name', () => {
  test('unset and signed out, work is recorded honestly as this computer', () => {
    expect(authorName()).toBe(unnamedAuthor);
  });

  test('signed in to a team server, the sync user name is the default; a chosen name beats it', () => {
    setSignedInUser('ana');
    expect(authorName()).toBe('ana');
    expect(setAuthorName('  Ana Lima  ')).toEqual({ ok: true, data: 'Ana Lima' });
    expect(authorName()).toBe('Ana Lima');
    clearAuthorName();
    expect(authorName()).toBe('ana');
  });

  test('names are trimmed and must be 1 to 80 characters of one line', () => {
    for (const bad of ['', '   ', 'x'.repeat(81), 'two\nlines', 'tab\there', '\u0000'])
      expect(validateAuthorName(bad).ok, JSON.stringify(bad)).toBe(false);
    for (const good of ['A', 'x'.repeat(80), 'Zoë Ødegård', 'محمد', '李小龙', '👩‍💻'.repeat(8)])
      expect(validateAuthorName(good)).toEqual({ ok: true, data: good });
  });

  test('each refusal has its reason, which the screen words in the app\'s language', () => {
    expect(authorNameProblem('  ')).toBe('empty');
    expect(authorNameProblem('x'.repeat(81))).toBe('too-long');
    expect(authorNameProblem('two\nlines')).toBe('not-one-line');
    expect(authorNameProblem(' Ana ')).toBeNull();
  });

  test('a refused name keeps the previous one, and a tampered stored value counts as unset', () => {
    setAuthorName('Bo');
    expect(setAuthorName(' ').ok).toBe(false);
    expect(authorName()).toBe('Bo');
    localStorage.setItem('cx.authorName.v1', 'x'.repeat(500));
    expect(chosenAuthorName()).toBeNull();
    expect(authorName()).toBe(unnamedAuthor);
  });
});
