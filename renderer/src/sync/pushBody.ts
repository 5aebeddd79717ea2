/**
 * The bytes of a push: each document's JSON is encoded to UTF-8 once, and a `_bulk_docs` body is
 * those bytes laid end to end in one array. The push used to keep each document as a string,
 * count its UTF-8 length with a scan, join a request's documents into one 4 MB string and let
 * fetch encode that again: three copies of every 200 KB document in fresh memory, and the scan
 * flattened JSON.stringify's rope into a fourth (issue 20's push bench: ~4 ms of the client's CPU
 * per 200 KB document, against ~0.1 ms of actual copying). The encoded length is also the exact
 * size that byte-capped batches and the server's body limit count.
 */

const encoder = new TextEncoder();

/** A document's JSON in UTF-8, with the `_rev` member to add before its closing brace, if any. */
export interface EncodedDoc {
  json: Uint8Array;
  /** `,"_rev":"…"` as UTF-8, or empty. */
  revField: Uint8Array;
  /** Size in the request body. */
  bytes: number;
}

const noRev = new Uint8Array(0);

/** Encodes a document's JSON (an object's, so it ends with `}`). */
export function encodeDoc(doc: Record<string, unknown>): EncodedDoc {
  const json = encoder.encode(JSON.stringify(doc));
  return { json, revField: noRev, bytes: json.length };
}

/** The same document written on top of `rev` (the member goes last, so the JSON is not encoded again). */
export function withRev(doc: EncodedDoc, rev: string | undefined): EncodedDoc {
  if (rev === undefined) return doc;
  const revField = encoder.encode(`,"_rev":${JSON.stringify(rev)}`);
  return { json: doc.json, revField, bytes: doc.json.length + revField.length };
}

const head = encoder.encode('{"docs":[');
const tail = encoder.encode(']}');
const COMMA = 0x2c;
const CLOSE = 0x7d;

/** `{"docs":[…]}` of the documents, in one array. */
export function bulkDocsBody(docs: readonly EncodedDoc[]): Uint8Array<ArrayBuffer> {
  const size = head.length + tail.length + Math.max(0, docs.length - 1) + docs.reduce((n, d) => n + d.bytes, 0);
  const body = new Uint8Array(size);
  body.set(head, 0);
  let at = head.length;
  docs.forEach((doc, i) => {
    if (i > 0) body[at++] = COMMA;
    if (doc.revField.length === 0) {
      body.set(doc.json, at);
      at += doc.json.length;
      return;
    }
    // Everything but the closing brace, the `_rev` member, then the brace.
    body.set(doc.json.subarray(0, doc.json.length - 1), at);
    at += doc.json.length - 1;
    body.set(doc.revField, at);
    at += doc.revField.length;
    body[at++] = CLOSE;
  });
  body.set(tail, at);
  return body;
}
