import { cellValue, type Table } from '../analytics/table';
import type { EventLog } from '../journeyAnalytics/types';
import { seededRandom } from '../random';
import type { Attributes } from './ports';
import type { SimCustomer } from './simulate';

/**
 * Populations for the simulator: generated customers, a survey dataset's respondents, an event log's
 * customers. Attribute names are what conditions and `{{variables}}` use.
 */

const firstNames = ['Ana', 'Ben', 'Chen', 'Dana', 'Elif', 'Femi', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kira', 'Liam', 'Mina', 'Noor', 'Omar', 'Pia'];
const lastNames = ['Silva', 'Müller', 'Wang', 'Okafor', 'Kaya', 'Rossi', 'Dubois', 'Novak', 'Haddad', 'Berg'];
const countries = ['US', 'GB', 'DE', 'FR', 'BR', 'IN', 'NG', 'JP'];

/**
 * `count` made-up customers with first_name, last_name, email, phone and country (the same for the
 * same seed). Other attributes are unknown, so conditions on them follow the branch probabilities.
 */
export function generateCustomers(count: number, seed = 1): SimCustomer[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out = new Array<SimCustomer>(count);
  for (let i = 0; i < count; i++) {
    const first = pick(firstNames);
    const id = `gen-${String(i + 1).padStart(6, '0')}`;
    out[i] = {
      id,
      attributes: { first_name: first, last_name: pick(lastNames), email: `${first.toLowerCase()}.${id}@example.com`, phone: `+1555${String(i).padStart(7, '0')}`, country: pick(countries) },
    };
  }
  return out;
}

/** A dataset's respondents: the first id column names them (else their row), every other answered column is an attribute. */
export function customersFromTable(table: Table): SimCustomer[] {
  const columns = [...table.columns.entries()];
  const idColumn = columns.find(([, c]) => c.type === 'id');
  const out = new Array<SimCustomer>(table.rowCount);
  for (let row = 0; row < table.rowCount; row++) {
    const attributes: Attributes = {};
    for (const [key, column] of columns) {
      const v = cellValue(column, row);
      if (v === null) continue;
      attributes[key] = Array.isArray(v) ? v.join(', ') : v;
    }
    const id = idColumn ? cellValue(idColumn[1], row) : null;
    out[row] = { id: typeof id === 'string' && id !== '' ? id : `row-${row + 1}`, attributes };
  }
  return out;
}

/** An event log's customers, each with the latest value it logged for every property. */
export function customersFromEventLog(log: EventLog): SimCustomer[] {
  const latest = new Float64Array(log.customers.length * Math.max(1, log.properties.length)).fill(-Infinity);
  const attrs: Attributes[] = log.customers.map(() => ({}));
  const width = Math.max(1, log.properties.length);
  for (let i = 0; i < log.length; i++) {
    const c = log.customer[i]!;
    for (let p = 0; p < log.properties.length; p++) {
      const col = log.properties[p]!;
      const code = col.codes[i]!;
      if (code < 0 || log.time[i]! < latest[c * width + p]!) continue;
      latest[c * width + p] = log.time[i]!;
      attrs[c]![col.name] = col.dict[code]!;
    }
  }
  return log.customers.map((id, c) => ({ id, attributes: attrs[c]! }));
}
