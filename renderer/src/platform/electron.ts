import type { ChannelArgs, DesktopApi } from '../../../common/ipc/contract';
import type { Platform } from './platform';
import { pickFile } from './platform';

/** The Electron implementation: every call goes through the typed preload API to main. */
export function createElectronPlatform(api: DesktopApi): Platform {
  return {
    kind: 'electron',
    saveFile: (args) => api['files:saveAs'](args as ChannelArgs<'files:saveAs'>),
    openFile: pickFile,
    setMenuLocale: (locale) => api['app:setLocale']({ locale }),
    takeOpenedWorkspaceFile: () => api['workspaceFile:takeOpened'](undefined),
    workbookStream: {
      begin: (suggestedName) => api['workbook:begin']({ suggestedName }),
      table: (streamId, name, columns) => api['workbook:table']({ streamId, name, columns }),
      rows: (streamId, rows) => api['workbook:rows']({ streamId, rows }),
      finish: (streamId) => api['workbook:finish']({ streamId }),
      abort: (streamId) => api['workbook:abort']({ streamId }),
    },
    workshop: {
      host: () => api['workshop:host'](undefined),
      stop: () => api['workshop:stop'](undefined),
      join: (code) => api['workshop:join']({ code }),
    },
    openLink: (url) => api['shell:openExternal']({ url }),
    secrets: {
      get: (key) => api['secrets:get']({ key }),
      set: (key, value) => api['secrets:set']({ key, value }),
      delete: (key) => api['secrets:delete']({ key }),
    },
  };
}
