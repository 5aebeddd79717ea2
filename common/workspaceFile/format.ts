/** The `type` of a workspace file (backup or client bundle). */
export const workspaceFileType = 'cx-studio.workspace';
/**
 * The format version this app writes. Readers refuse newer versions with "update the app" rather
 * than guessing; a change of shape bumps it and adds a migration with a test that feeds an old file.
 */
export const workspaceFileVersion = 1;

/** The collections a workspace file carries; settings stay with the machine (credentials, sync targets). */
export const workspaceCollections = ['personas', 'journeys', 'history', 'templates', 'datasets', 'snapshots', 'assets'] as const;
/** A collection carried in a workspace file. */
export type WorkspaceCollection = (typeof workspaceCollections)[number];

/** A stored document: any object with a URL-safe `id`. Checked per collection on restore. */
export type WorkspaceDoc = Record<string, unknown> & { id: string };

/** What a workspace file holds, decrypted. */
export interface WorkspaceContent {
  /** A name for the workspace, shown on restore ("Acme bundle, 3 Nov"). */
  name: string;
  /** When the file was written, ms since the epoch. */
  createdAt: number;
  /** Every document per collection; dataset headers and their chunks alike. */
  collections: Record<WorkspaceCollection, WorkspaceDoc[]>;
}

/** A plain (unencrypted) workspace file. */
export interface PlainWorkspaceFile extends WorkspaceContent {
  type: typeof workspaceFileType;
  version: typeof workspaceFileVersion;
  encrypted?: undefined;
}

/** Key derivation and cipher parameters of an encrypted file; authenticated with the ciphertext. */
export interface EncryptionHeader {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, 16 bytes. */
  salt: string;
  cipher: 'AES-GCM-256';
  /** base64, 12 bytes. */
  iv: string;
}

/** A password-protected workspace file: the content JSON, encrypted, in base64. */
export interface EncryptedWorkspaceFile {
  type: typeof workspaceFileType;
  version: typeof workspaceFileVersion;
  encrypted: EncryptionHeader;
  /** base64 of AES-GCM ciphertext and tag. */
  data: string;
}

/** A problem found in a file, with the path of the value at fault (`personas[2].sections[0].title`). */
export interface FileProblem {
  path: string;
  message: string;
}

/** Why a file could not be read; `problems` lists every fault found, not only the first. */
export interface ReadFailure {
  ok: false;
  code: 'invalid-document' | 'newer-schema' | 'too-large' | 'wrong-password' | 'password-required';
  message: string;
  problems: FileProblem[];
}

/** An empty collection map, to fill. */
export function emptyCollections(): Record<WorkspaceCollection, WorkspaceDoc[]> {
  return { personas: [], journeys: [], history: [], templates: [], datasets: [], snapshots: [], assets: [] };
}
