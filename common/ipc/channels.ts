/**
 * The names of every IPC channel, `<area>:<verb>`. Kept apart from the schemas so the preload
 * bundle carries only this list and no validator.
 */
export const channels = [
  'app:getInfo',
  'app:setLocale',
  'files:saveAs',
  'shell:openExternal',
  'secrets:set',
  'secrets:get',
  'secrets:delete',
  'workshop:host',
  'workshop:stop',
  'workshop:join',
  'workbook:begin',
  'workbook:table',
  'workbook:rows',
  'workbook:finish',
  'workbook:abort',
  'workspaceFile:takeOpened',
] as const;

/** One IPC channel name. */
export type Channel = (typeof channels)[number];

/** Whether a string names a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channels as readonly string[]).includes(name);
}
