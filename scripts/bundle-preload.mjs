// A sandboxed preload cannot require our modules, so the contract's channel list is bundled into it.
import { build } from 'esbuild';

await build({
  entryPoints: ['src-main/electron/preload.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  outfile: 'dist-main/electron/preload.cjs',
  logLevel: 'warning',
});
