import { describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { samplePersona } from '../../../common/export/samplePersona';
import { createDatabase } from './database';

describe('schema validation on write', () => {
  test('a filled-in persona is accepted and a broken one is refused with the field and the reason', async () => {
    const db = await createDatabase(getRxStorageMemory(), `val${Math.random().toString(36).slice(2, 8)}`, { only: ['personas'] });
    try {
      await db.personas.insert(samplePersona('Maya Chen', 'p1'));
      expect(await db.personas.count().exec()).toBe(1);
      const broken = { ...samplePersona('Bad', 'p2'), status: 'nope', accentColor: 'red' };
      const error = await db.personas.insert(broken).then(() => null, (e: unknown) => e as { parameters?: { writeError?: { validationErrors?: { field: string; message: string }[] } } });
      expect(error).not.toBeNull();
      const problems = error?.parameters?.writeError?.validationErrors ?? [];
      expect(problems.map((p) => p.field).sort()).toEqual(['accentColor', 'status']);
      expect(problems.every((p) => p.message.length > 0)).toBe(true);
      // Ids that CouchDB would refuse (a leading underscore) never get in.
      await expect(db.personas.insert(samplePersona('Underscore', '_design'))).rejects.toThrow();
      expect(await db.personas.count().exec()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
