// Injected into the CJS main bundle by scripts/build-main.mjs: `import.meta.url` of the bundle file.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
