/**
 * Size limits shared by the app and the sync server. Dataset chunks are kept around 1 MB
 * (ARCHITECTURE.md, "Local database") and pushed in small batches; the server's body limit is that
 * product with plenty of room, because a 413 makes RxDB retry the same batch forever.
 */

/** Target size of one dataset chunk document, in bytes of JSON. */
export const datasetChunkBytes = 1024 * 1024;

/** Push and pull batch size for the chunk-carrying `datasets` collection. */
export const datasetBatchSize = 4;

/** Largest request body the sync server accepts: 4 chunks × 1 MB, × 4 for JSON overhead and room. */
export const maxRequestBodyBytes = 16 * 1024 * 1024;

/** Largest `limit` a `_changes` or `_all_docs` request may ask for. */
export const maxQueryLimit = 1_000_000;

/** Origins of the app itself, allowed by CORS on our server and set by `provision-couchdb`. */
export const appOrigins: readonly string[] = [
  'app://cx-studio',
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

/**
 * Largest `_bulk_docs` body the app sends in one request, in bytes of JSON: well under our
 * server's {@link maxRequestBodyBytes} and CouchDB's default `max_document_size` (8 MB), so a
 * backlog of large documents goes out in several requests instead of one the server refuses.
 */
export const defaultPushBytes = 4 * 1024 * 1024;
