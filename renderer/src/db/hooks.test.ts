import { describe, expect, test } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { samplePersona } from '../../../common/export/samplePersona';
import { ok } from '../../../common/result';
import { createDatabase } from './database';
import { cachedParse } from './hooks';
import { partitionDocs } from './validDocs';

describe('live query parsing', () => {
  test('a change to one document of many parses that one again, not the whole list', async () => {
    const db = await createDatabase(getRxStorageMemory(), `hooks${Math.random().toString(36).slice(2, 8)}`, { only: ['personas'] });
    try {
      await db.personas.bulkInsert(Array.from({ length: 300 }, (_, i) => samplePersona(`P ${i}`, `p${i}`)));
      const parsed: string[] = [];
      const parse = (doc: unknown) => {
        const d = doc as { id: string; name: string };
        parsed.push(d.id);
        return ok({ id: d.id, name: d.name });
      };
      const parseDoc = cachedParse(parse);
      const query = db.personas.find({ selector: {}, sort: [{ id: 'asc' }] });
      const first = partitionDocs('personas', await query.exec(), parseDoc);
      expect(first.items).toHaveLength(300);
      expect(parsed).toHaveLength(300);

      parsed.length = 0;
      await (await db.personas.findOne('p7').exec())!.incrementalPatch({ name: 'Renamed' });
      const after = await firstValueFrom(query.$.pipe(filter((docs) => docs.some((d) => d.get('name') === 'Renamed'))));
      const second = partitionDocs('personas', after, parseDoc);
      expect(parsed).toEqual(['p7']);
      expect(second.items.find((p) => p.id === 'p7')?.name).toBe('Renamed');
      expect(second.items).toHaveLength(300);
    } finally {
      await db.close();
    }
  });
});
