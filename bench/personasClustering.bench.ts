/**
 * "Find personas in this data" at survey scale: 100k respondents × 30 columns (10 numbers, 14
 * single choices, 2 multi-choice questions of 8 options, 6 planted personas), k = 2..10 with three
 * restarts each and the silhouette per k: the same code the app runs in its worker. Figures are
 * CPU time (the machine may be shared) and wall time, peak heap and RSS, and the adjusted Rand
 * index of the proposed clustering against the planted personas.
 */
import { findPersonas } from '../common/clustering/findPersonas';
import { plantedSurvey } from '../common/clustering/generate';
import { adjustedRandIndex } from '../common/clustering/quality';
import type { BenchRow } from './report';
import { peakRssMb } from './report';

export default async function run(report: (row: BenchRow) => void): Promise<void> {
  const { table, labels, columns } = plantedSurvey({ rows: 100_000, personas: 6, seed: 7, numbers: 10, choices: 14, multis: 2 });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); }, 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const found = await findPersonas(table, { columns, kFrom: 2, kTo: 10, onProgress: () => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); } });
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  report({ name: 'cluster 100k × 30 columns, k = 2..10 × 3 restarts (CPU)', value: (used.user + used.system) / 1e6, unit: 's', against: { value: 30, label: 'aim' } });
  report({ name: 'same, wall time', value: wall / 1000, unit: 's' });
  report({ name: 'heap growth during clustering', value: (heapPeak - heapBefore) / 1e6, unit: 'MB', against: { value: 1000, label: 'aim' } });
  report({ name: 'peak RSS of the process (data included)', value: peakRssMb(), unit: 'MB' });
  report({ name: `proposed k (planted 6): ${found.proposed.k}; ARI vs planted`, value: adjustedRandIndex(found.proposed.assignments, labels), unit: '' });
}
