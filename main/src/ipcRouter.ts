import type { ChannelArgs, ChannelResults } from '../../common/ipc/contract';
import type { Channel } from '../../common/ipc/channels';
import { parseArgs } from '../../common/ipc/contract';
import { isChannel } from '../../common/ipc/channels';
import type { Result } from '../../common/result';
import { err } from '../../common/result';

/** What main knows about the frame that sent a call. */
export interface SenderInfo { url: string; isMainFrame: boolean }

/** One handler per channel, called only with a validated argument. */
export type Handlers = { [C in Channel]: (arg: ChannelArgs<C>) => Promise<Result<ChannelResults[C]>> };

/**
 * The gate every IPC call passes (in the spirit of VS Code's validatedIpcMain): unknown channels,
 * subframes and foreign origins are refused, the argument is validated against the contract, and
 * the answer is always a result envelope. A handler that throws is a bug: it is logged and the
 * renderer gets a plain message, never a stack.
 */
export function createIpcRouter(
  handlers: Handlers,
  isTrustedUrl: (url: string) => boolean,
  log: (message: string, error: unknown) => void = () => {},
) {
  return async function dispatch(channel: unknown, sender: SenderInfo | null, arg: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) return err('unknown-channel', 'This action is not available.');
    if (!sender || !sender.isMainFrame || !isTrustedUrl(sender.url)) {
      return err('forbidden-sender', `${channel}: refused a call from outside the app window.`);
    }
    const parsed = parseArgs(channel, arg);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      log(`IPC handler ${channel} failed`, error);
      return err('internal', 'Something went wrong in the app. Please try again.');
    }
  };
}
