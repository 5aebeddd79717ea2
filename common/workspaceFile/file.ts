import { decryptBytes, defaultIterations, encryptBytes, iterationBounds } from './crypto';
import { checkContent, refusalMessage } from './check';
import {
  workspaceFileType, workspaceFileVersion, type EncryptionHeader, type FileProblem, type ReadFailure, type WorkspaceContent,
} from './format';

/** Largest file read by default: JSON.parse of more would stall the app and may exhaust memory. */
export const defaultMaxBytes = 512 * 1024 * 1024;

/** A file read and checked successfully. */
export interface ReadSuccess {
  ok: true;
  content: WorkspaceContent;
  /** Whether the file was password-protected. */
  encrypted: boolean;
  warnings: FileProblem[];
}

/** Options for writing. */
export interface WriteOptions {
  /** Encrypts the file with this password (a client bundle); absent writes a plain backup. */
  password?: string;
  /** PBKDF2 iterations; only tests lower it, and never below {@link iterationBounds}.min. */
  iterations?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Serialises a workspace to the bytes of a `.cxstudio` file, encrypted when a password is given. */
export async function writeWorkspaceFile(content: WorkspaceContent, options: WriteOptions = {}): Promise<Uint8Array> {
  const head = { type: workspaceFileType, version: workspaceFileVersion };
  if (options.password === undefined) return encoder.encode(JSON.stringify({ ...head, ...content }));
  if (options.password === '') throw new Error('An empty password protects nothing; pass none for a plain file.');
  const iterations = Math.max(iterationBounds.min, options.iterations ?? defaultIterations);
  const sealed = await encryptBytes(encoder.encode(JSON.stringify(content)), options.password, head.type, head.version, iterations);
  return encoder.encode(JSON.stringify({ ...head, encrypted: sealed.header, data: sealed.data }));
}

const fail = (code: ReadFailure['code'], message: string, problems: FileProblem[] = []): ReadFailure => ({ ok: false, code, message, problems });

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

/** Whether bytes look like an encrypted workspace file, so the UI can ask for the password first. */
export function isEncryptedWorkspaceFile(bytes: Uint8Array): boolean {
  const raw = parseJson(bytes) as { type?: unknown; encrypted?: unknown } | undefined;
  return raw?.type === workspaceFileType && typeof raw.encrypted === 'object' && raw.encrypted !== null;
}

/**
 * Reads a workspace file: size, JSON, type and version, then decryption when protected, then every
 * document. Never throws on hostile input; every failure is a value with a code and, where a value
 * is at fault, its path.
 */
export async function readWorkspaceFile(bytes: Uint8Array, options: { password?: string; maxBytes?: number } = {}): Promise<ReadSuccess | ReadFailure> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (bytes.byteLength > maxBytes) return fail('too-large', `The file is ${mb(bytes.byteLength)}; the most this app opens is ${mb(maxBytes)}.`);
  const raw = parseJson(bytes);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('invalid-document', 'This is not a CX Studio workspace file (it is not readable JSON; it may be cut short).');
  const file = raw as Record<string, unknown>;
  if (file.type !== workspaceFileType) return fail('invalid-document', 'This is not a CX Studio workspace file.', [{ path: 'type', message: `Expected "${workspaceFileType}".` }]);
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) return fail('invalid-document', 'The file has no valid format version.', [{ path: 'version', message: 'Must be a whole number from 1.' }]);
  if (file.version > workspaceFileVersion) return fail('newer-schema', `This file was written by a newer CX Studio (format ${file.version}); update the app to open it.`);
  let content: unknown = file;
  const encrypted = file.encrypted !== undefined;
  if (encrypted) {
    const header = checkHeader(file.encrypted);
    if (typeof header === 'string' || typeof file.data !== 'string') return fail('invalid-document', 'The file’s encryption details are damaged.', [{ path: typeof header === 'string' ? header : 'data', message: 'Missing or invalid.' }]);
    if (!options.password) return fail('password-required', 'This file is protected: enter its password.');
    const plain = await decryptBytes(file.data, options.password, workspaceFileType, file.version, header);
    if (!plain) return fail('wrong-password', 'The password is wrong, or the file was changed after it was protected.');
    content = parseJson(plain);
  }
  const checked = checkContent(content);
  if (!checked.content) return fail('invalid-document', refusalMessage(checked.problems, checked.problemCount), checked.problems);
  return { ok: true, content: checked.content, encrypted, warnings: checked.warnings };
}

/** The header when valid, else the path of the first bad field. */
function checkHeader(h: unknown): EncryptionHeader | string {
  if (typeof h !== 'object' || h === null) return 'encrypted';
  const e = h as Record<string, unknown>;
  if (e.kdf !== 'PBKDF2-SHA256') return 'encrypted.kdf';
  if (e.cipher !== 'AES-GCM-256') return 'encrypted.cipher';
  const it = e.iterations;
  if (typeof it !== 'number' || !Number.isInteger(it) || it < iterationBounds.min || it > iterationBounds.max) return 'encrypted.iterations';
  if (typeof e.salt !== 'string' || !/^[A-Za-z0-9+/]{22}==$/.test(e.salt)) return 'encrypted.salt';
  if (typeof e.iv !== 'string' || !/^[A-Za-z0-9+/]{16}$/.test(e.iv)) return 'encrypted.iv';
  return e as unknown as EncryptionHeader;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
