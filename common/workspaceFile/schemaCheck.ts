import { Validator, type Schema } from '@cfworker/json-schema';
import { collectionSchemas } from '../db/collections';
import { joinPath } from '../persona/problems';
import type { FileProblem, WorkspaceCollection } from './format';

const validators = new Map<WorkspaceCollection, Validator>();

/**
 * The validator of a collection's stored schema, built once: the same interpreting validator
 * (@cfworker/json-schema, draft 7, all errors) the database wraps its storage with
 * (renderer/src/db/validation.ts), so a document that passes here is one the database accepts.
 */
function validatorFor(name: WorkspaceCollection): Validator {
  let v = validators.get(name);
  if (!v) {
    v = new Validator(collectionSchemas[name] as unknown as Schema, '7', false);
    validators.set(name, v);
  }
  return v;
}

/** `#/sections/0/title` → `sections[0].title`, the path style of {@link FileProblem}. */
function pathFromPointer(pointer: string): string {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~')))
    .reduce((path, key) => joinPath(path, /^\d+$/.test(key) ? Number(key) : key), '');
}

/**
 * Checks one document against its collection's stored schema; problems are relative to `path`
 * (`snapshots[3]`). Only the innermost errors are kept: the outer ones only repeat "property x is
 * invalid". A document the schema refuses would be refused by the database half-way through a
 * restore, so the reader refuses the whole file instead.
 */
export function schemaProblems(name: WorkspaceCollection, doc: unknown, path: string): FileProblem[] {
  const result = validatorFor(name).validate(doc);
  if (result.valid) return [];
  const leaves = result.errors.filter((e) => !['properties', 'items', 'allOf', 'false'].includes(e.keyword));
  return (leaves.length > 0 ? leaves : result.errors).slice(0, 10).map((e) => {
    const at = joinPath(path, pathFromPointer(e.instanceLocation));
    const named = /property "([^"]{1,80})"/i.exec(e.error)?.[1];
    if (e.keyword === 'required' && named) return { path: joinPath(at, named), message: 'This field is missing.' };
    if (e.keyword === 'additionalProperties' && named) return { path: joinPath(at, named), message: 'This field is not part of this kind of document.' };
    return { path: at, message: e.error };
  });
}
