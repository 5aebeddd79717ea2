import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

interface Target { target: string[]; icon: string }
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: Target;
  win: Target;
  mac: Target;
}

// Installers cannot be built here (packaging downloads Electron), so the configuration is read.
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

describe('electron-builder configuration', () => {
  test('names the product and packs the app into an asar', () => {
    expect(config.appId).toBe('io.cxstudio.desktop');
    expect(config.productName).toBe('CX Studio');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
  });

  test('builds AppImage and deb, NSIS and dmg with the icon from build/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const os of ['linux', 'win', 'mac'] as const) expect(readFileSync(config[os].icon).subarray(1, 4).toString()).toBe('PNG');
  });

  test('flips the fuses that close run-as-node, NODE_OPTIONS and inspect, and pins the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('package.json main points at the bundle the build writes', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.cjs');
    const build = readFileSync('scripts/build-main.mjs', 'utf8');
    expect(build).toContain("outfile: 'out/main/index.cjs'");
  });
});
