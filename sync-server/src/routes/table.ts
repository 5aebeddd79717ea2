import type { Route } from '../http/context';
import { deleteAttachment, getAttachment, putAttachment } from './attachments';
import { changes } from './changes';
import { deleteConfig, getConfig, putConfig } from './config';
import { allDocs, bulkDocs, bulkGet, compact, createDb, dbInfo, deleteDb, ensureFullCommit, postDoc, revsDiff, security } from './database';
import { deleteDoc, getDoc, putDoc } from './document';
import { allDbs, appConfig, deleteSession, getSession, postSession, root, up } from './session';
import { deleteUser, listUsers, putUser } from './users';

/** Every route of the server: method, find-my-way path, handler. Static segments win over params. */
export const routes: [method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, route: Route][] = [
  ['GET', '/', root],
  ['GET', '/_up', up],
  ['GET', '/_all_dbs', allDbs],
  ['GET', '/_session', getSession],
  ['POST', '/_session', postSession],
  ['DELETE', '/_session', deleteSession],
  ['GET', '/_cx/app-config', appConfig],
  ['GET', '/_cx/tenants/:tenant/users', listUsers],
  ['PUT', '/_cx/tenants/:tenant/users/:name', putUser],
  ['DELETE', '/_cx/tenants/:tenant/users/:name', deleteUser],
  ['GET', '/_node/_local/_config', getConfig],
  ['GET', '/_node/_local/_config/:section', getConfig],
  ['GET', '/_node/_local/_config/:section/:key', getConfig],
  ['PUT', '/_node/_local/_config/:section/:key', putConfig],
  ['DELETE', '/_node/_local/_config/:section/:key', deleteConfig],
  ['PUT', '/:db', createDb],
  ['GET', '/:db', dbInfo],
  ['DELETE', '/:db', deleteDb],
  ['POST', '/:db', postDoc],
  ['GET', '/:db/_all_docs', allDocs],
  ['POST', '/:db/_all_docs', allDocs],
  ['POST', '/:db/_bulk_docs', bulkDocs],
  ['POST', '/:db/_revs_diff', revsDiff],
  ['POST', '/:db/_bulk_get', bulkGet],
  ['GET', '/:db/_changes', changes],
  ['POST', '/:db/_changes', changes],
  ['POST', '/:db/_ensure_full_commit', ensureFullCommit],
  ['POST', '/:db/_compact', compact],
  ['GET', '/:db/_security', security],
  ['PUT', '/:db/_security', security],
  ['GET', '/:db/_local/:docid', getDoc('local')],
  ['PUT', '/:db/_local/:docid', putDoc('local')],
  ['DELETE', '/:db/_local/:docid', deleteDoc('local')],
  ['GET', '/:db/_design/:docid', getDoc('design')],
  ['PUT', '/:db/_design/:docid', putDoc('design')],
  ['DELETE', '/:db/_design/:docid', deleteDoc('design')],
  ['GET', '/:db/_design/:docid/*', getAttachment('design')],
  ['PUT', '/:db/_design/:docid/*', putAttachment('design')],
  ['DELETE', '/:db/_design/:docid/*', deleteAttachment('design')],
  ['GET', '/:db/:docid', getDoc('doc')],
  ['PUT', '/:db/:docid', putDoc('doc')],
  ['DELETE', '/:db/:docid', deleteDoc('doc')],
  ['GET', '/:db/:docid/*', getAttachment('doc')],
  ['PUT', '/:db/:docid/*', putAttachment('doc')],
  ['DELETE', '/:db/:docid/*', deleteAttachment('doc')],
];
