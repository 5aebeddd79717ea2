/** The path of Electron's executable when it has been downloaded, else null. */
export function electronBinary(): string | null;
/** The electron package's own installer script, which downloads the binary. */
export function electronInstaller(): string | null;
