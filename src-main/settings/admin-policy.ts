import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { OPEN_POLICY, RouteMode, type PolicyInfo } from '../contract/index.js';

/** The managed policy file an administrator deploys (MSI/DMG/config management), one per machine. */
const PolicyFile = z
  .object({
    allowCloud: z.boolean().optional(),
    forceMode: RouteMode.nullable().optional(),
    /** False turns off the OpenAI-compatible endpoint other apps on the computer could use. */
    allowApi: z.boolean().optional(),
  })
  .strict();

/** Where the managed policy lives on each OS, unless DUET_POLICY_FILE names another file. */
export function policyFilePath(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DUET_POLICY_FILE) return path.resolve(env.DUET_POLICY_FILE);
  if (platform === 'win32') return path.join(env.ProgramData ?? 'C:\\ProgramData', 'Duet', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Duet/policy.json';
  return '/etc/duet/policy.json';
}

/**
 * Reads the admin's policy. No file means no restrictions. A file that exists but cannot be
 * understood must not silently open things up, so it fails closed: no cloud.
 */
export function loadAdminPolicy(file: string = policyFilePath()): PolicyInfo {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return OPEN_POLICY;
    console.error(`Duet: cannot read the managed policy ${file}; the cloud and the API for other apps stay off until it can be read.`);
    return { ...OPEN_POLICY, allowCloud: false, allowApi: false, source: file };
  }
  try {
    const parsed = PolicyFile.parse(JSON.parse(text));
    return { ...OPEN_POLICY, allowCloud: parsed.allowCloud ?? true, forceMode: parsed.forceMode ?? null, allowApi: parsed.allowApi ?? true, source: file };
  } catch {
    console.error(`Duet: the managed policy ${file} is not valid; the cloud and the API for other apps stay off until it is fixed.`);
    return { ...OPEN_POLICY, allowCloud: false, allowApi: false, source: file };
  }
}
