/**
 * The value of `--name value` or `--name=value` in a command line, or null when absent.
 * Chromium and Node switches around it (Playwright adds `--inspect=0`, `-r loader.js`) are ignored.
 */
export function readFlag(argv: readonly string[], name: string): string | null {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === flag) {
      const value = argv[i + 1];
      return value !== undefined && !value.startsWith('--') ? value : null;
    }
    if (arg?.startsWith(`${flag}=`)) return arg.slice(flag.length + 1) || null;
  }
  return null;
}
