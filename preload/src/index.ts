import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../common/ipc/channels';
import type { DesktopApi } from '../../common/ipc/contract';

// Only the contract's functions cross into the page, one per channel; ipcRenderer itself never
// does, so page script cannot reach any other channel or listen to main.
const api = Object.fromEntries(channels.map((channel) => [channel, (arg: unknown) => ipcRenderer.invoke(channel, arg)])) as DesktopApi;

contextBridge.exposeInMainWorld('cxStudio', Object.freeze(api));
