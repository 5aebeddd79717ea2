import type { CollectionName } from '../../common/db/collections';

/** What the chaos driver asks a laptop process to do (scripts/syncChaos/laptop.ts). */
export type LaptopCommand =
  | { type: 'open'; name: string; serverUrl: string; authorization: string }
  | { type: 'create'; collection: CollectionName; doc: Record<string, unknown> }
  | { type: 'set'; collection: CollectionName; id: string; fields: Record<string, unknown>; stamp: boolean }
  | { type: 'section'; id: string; sectionId: string; title: string }
  | { type: 'remove'; collection: CollectionName; id: string }
  | { type: 'dump' }
  | { type: 'status' }
  | { type: 'trace'; id: string }
  | { type: 'close' };
