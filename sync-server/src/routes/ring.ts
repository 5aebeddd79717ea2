import { collectionPattern, doorbellCollection, parseDatabaseName, tenantDatabaseName } from '../../../common/sync/names';
import { epochOf } from '../store/epoch';
import type { Store } from '../store/store';

/**
 * Rings carry the rung collection's feed position (issue 22). A laptop rings its tenant's doorbell
 * (`<collection>~<laptop>` in `<tenant>-doorbell`, renderer/src/sync/doorbell.ts) after each push;
 * this server writes the collection database's `update_seq` and epoch into the ring as `cx_seq`
 * and `cx_epoch`. The write being rung was acknowledged before the ring was sent, so `cx_seq`
 * covers it, and a laptop whose pull already reached that position skips the pull: at hundreds of
 * laptops most rings arrive after the pull that fetched their write. Not in CouchDB: there rings
 * carry no position and every ring is pulled, as before.
 */
export async function stampRing(store: Store, dbName: string, doc: Record<string, unknown>): Promise<void> {
  const parsed = parseDatabaseName(dbName);
  if (parsed?.collection !== doorbellCollection) return;
  const collection = String(doc._id).split('~')[0] ?? '';
  if (collection === doorbellCollection || !collectionPattern.test(collection)) return;
  const rung = await store.open(tenantDatabaseName(parsed.tenant, collection));
  if (!rung) return;
  const info = await rung.info();
  doc.cx_seq = info.update_seq;
  doc.cx_epoch = await epochOf(rung);
}
