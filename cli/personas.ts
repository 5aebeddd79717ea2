/**
 * Reads what the command line needs from a persona export envelope: type, version, each persona's
 * id, name and rules, and the column mapping. The full, tolerant reader lives in common/persona;
 * this one is strict and says in one line what is wrong, which suits batch runs.
 */
import type { PersonaInput } from '../common/analytics/analyse';
import { validateRules } from '../common/analytics/rules';
import type { ColumnMapping } from '../common/import/mapping';

/** The parts of a persona file the CLI uses. */
export interface PersonaFile {
  personas: PersonaInput[];
  mapping?: ColumnMapping;
}

/** An expected failure with a one-line message. */
export class CliError extends Error {}

/** Parses and checks a persona export (text of a `cx-studio.personas` file). */
export function parsePersonaFile(text: string, fileName: string): PersonaFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliError(`${fileName} is not JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (!isObject(json) || json.type !== 'cx-studio.personas') throw new CliError(`${fileName} is not a CX Studio persona export (expected "type": "cx-studio.personas").`);
  if (typeof json.version !== 'number' || json.version > 1) throw new CliError(`${fileName} has version ${String(json.version)}; this CX Studio reads version 1. Update the app.`);
  if (!Array.isArray(json.personas) || json.personas.length === 0) throw new CliError(`${fileName} has no personas.`);
  const seen = new Set<string>();
  const personas = json.personas.map((p: unknown, i): PersonaInput => {
    const where = `${fileName}: personas[${i}]`;
    if (!isObject(p)) throw new CliError(`${where} is not an object.`);
    if (typeof p.id !== 'string' || p.id === '') throw new CliError(`${where}.id is missing.`);
    if (seen.has(p.id)) throw new CliError(`${where}.id "${p.id}" appears twice.`);
    seen.add(p.id);
    const name = typeof p.name === 'string' && p.name !== '' ? p.name : p.id;
    const problems = validateRules(p.rules ?? []);
    const first = problems[0];
    if (first) throw new CliError(`${where}.rules${first.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}: ${first.message}`);
    const datasetIds = Array.isArray(p.datasetIds) ? p.datasetIds.filter((d): d is string => typeof d === 'string') : undefined;
    return { id: p.id, name, rules: (p.rules ?? []) as PersonaInput['rules'], ...(datasetIds ? { datasetIds } : {}) };
  });
  const mapping = json.mapping === undefined ? undefined : parseMapping(json.mapping, `${fileName}: mapping`);
  return { personas, ...(mapping ? { mapping } : {}) };
}

/** Checks the outer shape of a column mapping (sources are checked against the file's headers later). */
export function parseMapping(json: unknown, where: string): ColumnMapping {
  if (!isObject(json) || !Array.isArray(json.columns)) throw new CliError(`${where} must be an object with a "columns" list.`);
  return json as unknown as ColumnMapping;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
