import * as v from 'valibot';
import type { Result } from '../result';
import type { Channel } from './channels';
import { locales, pseudoLocale, type Locale } from '../i18n/locales';
import { workbookSchemas, type WorkbookBegun } from './workbookSchemas';

/** Largest file the renderer may hand main to save (a big analytics workbook fits). */
export const maxSaveBytes = 512 * 1024 * 1024;

/** Kinds of file the app saves; each maps to one extension and dialog filter in main. */
export const fileKinds = ['png', 'pdf', 'xlsx', 'csv', 'json', 'cxstudio'] as const;
/** A kind of file the app saves. */
export type FileKind = (typeof fileKinds)[number];

function isPlainFileName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  for (const ch of name) {
    if ('/\\:*?"<>|'.includes(ch) || ch.charCodeAt(0) < 32) return false;
  }
  return true;
}

// A plain file name: no folders, no control characters, so the renderer can suggest a name but
// never a location (main shows the native dialog and decides where).
const fileName = v.pipe(
  v.string(),
  v.minLength(1, 'A file name is required.'),
  v.maxLength(200, 'The file name is longer than 200 characters.'),
  v.check((name) => isPlainFileName(name), 'The file name may not contain folders or special characters.'),
);

const secretKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,120}$/, 'A secret key is 1–120 letters, digits or _.:-'));

/** Argument schema of each channel. Main validates every call against it before doing anything. */
export const argumentSchemas = {
  'app:getInfo': v.undefined(),
  // The language the app is shown in, so main draws the native menu in it too.
  'app:setLocale': v.strictObject({ locale: v.picklist([...locales, pseudoLocale]) }),
  'files:saveAs': v.strictObject({
    suggestedName: fileName,
    kind: v.picklist(fileKinds),
    bytes: v.pipe(
      v.instance(Uint8Array),
      v.check((bytes) => bytes.byteLength <= maxSaveBytes, 'The file is larger than 512 MB.'),
    ),
  }),
  'shell:openExternal': v.strictObject({ url: v.pipe(v.string(), v.maxLength(2048)) }),
  'secrets:set': v.strictObject({ key: secretKey, value: v.pipe(v.string(), v.maxLength(4096)) }),
  'secrets:get': v.strictObject({ key: secretKey }),
  'secrets:delete': v.strictObject({ key: secretKey }),
  'workshop:host': v.undefined(),
  'workshop:stop': v.undefined(),
  'workshop:join': v.strictObject({ code: v.pipe(v.string(), v.maxLength(2000)) }),
  'workbook:begin': v.strictObject({ suggestedName: fileName }),
  ...workbookSchemas,
  // Takes no path: main alone decides which file was opened (menu dialog, file association).
  'workspaceFile:takeOpened': v.undefined(),
} satisfies Record<Channel, v.GenericSchema>;

/** What the app reports about itself. */
export interface AppInfo { version: string; platform: string; shell: 'electron' | 'web' }
/** What happened to a save: cancelled by the user, or written under this file name. */
export type SaveOutcome = { saved: false } | { saved: true; fileName: string };

/** Result data of each channel. */
export interface ChannelResults {
  'app:getInfo': AppInfo;
  /** The language the menu is now drawn in (English for the pseudo-locale). */
  'app:setLocale': { menuLocale: Locale };
  'files:saveAs': SaveOutcome;
  'shell:openExternal': { opened: boolean };
  'secrets:set': { stored: boolean };
  'secrets:get': { value: string | null };
  'secrets:delete': { deleted: boolean };
  'workshop:host': WorkshopConnection & { joinCode: string };
  'workshop:stop': { stopped: boolean };
  'workshop:join': WorkshopConnection;
  'workbook:begin': WorkbookBegun;
  'workbook:table': { sheets: number };
  'workbook:rows': { rows: number };
  'workbook:finish': SaveOutcome;
  'workbook:abort': { aborted: boolean };
  'workspaceFile:takeOpened': { file: OpenedWorkspaceFile | null };
}

/**
 * A workspace file the user opened through main (File → Open workspace file…, or a double-clicked
 * `.cxstudio`): its name without a folder, and its bytes (at most {@link maxSaveBytes}).
 */
export interface OpenedWorkspaceFile { name: string; bytes: Uint8Array }

/** How an app connects to a hosted workshop (the host to its own server, or a teammate). */
export interface WorkshopConnection { serverUrl: string; tenant: string; user: string; password: string }

/** The argument type of a channel. */
export type ChannelArgs<C extends Channel> = v.InferOutput<(typeof argumentSchemas)[C]>;

/**
 * The API preload exposes on `window.cxStudio`: one function per channel, each answering with a
 * result envelope (only a message survives Electron IPC, so results beat throws).
 */
export type DesktopApi = { [C in Channel]: (arg: ChannelArgs<C>) => Promise<Result<ChannelResults[C]>> };

/** Validates a channel's argument; the message names the first problem and its path. */
export function parseArgs<C extends Channel>(channel: C, arg: unknown): Result<ChannelArgs<C>> {
  const parsed = v.safeParse(argumentSchemas[channel], arg);
  if (parsed.success) return { ok: true, data: parsed.output as ChannelArgs<C> };
  const issue = parsed.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    code: 'invalid-argument',
    message: `${channel}: ${path ? `${path}: ` : ''}${issue?.message ?? 'invalid argument'}`,
  };
}
