import { userInfo } from 'node:os';
import path from 'node:path';
import { readJsonPolicy } from './policy-json.js';
import { MACHINE_MANAGED_PLIST, readPlistPolicy, runPlutil, userManagedPlist, type RunPlutil } from './policy-plist.js';
import { readRegistryPolicy, runReg, type RunTool } from './policy-registry.js';
import type { PolicyLayer } from './policy-schema.js';

/** What the readers need from the system; tests pass captured tool output instead of running the tools. */
export interface PolicyEnvironment {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** Runs `reg query` (Windows). */
  reg?: RunTool;
  /** Runs `plutil -convert json` (macOS). */
  plutil?: RunPlutil;
  /** The login name, for the per-user managed preferences (macOS). */
  user?: string;
  /** A folder standing for `/` on macOS and Linux (tests); the real root by default. */
  root?: string;
}

/** A source to read, highest precedence first. */
export type PolicySource = () => PolicyLayer;

/** The old single policy.json place on each OS (still read, below the platform's own places). */
export function jsonPolicyPath(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  // path.join is win32's on Windows; elsewhere it lets tests point ProgramData at a temp folder.
  if (platform === 'win32') return path.join(env.ProgramData ?? 'C:\\ProgramData', 'Duet', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Duet/policy.json';
  return '/etc/duet/policy.json';
}

/**
 * The places policy comes from, first wins per key. DUET_POLICY_FILE alone, when set. Windows:
 * HKLM, then HKCU, then %ProgramData%\Duet\policy.json. macOS: the computer's managed
 * preferences, then the user's, then /Library/Application Support/Duet/policy.json. Linux and
 * others: /etc/duet/policy.json.
 */
export function policySources(system: PolicyEnvironment): PolicySource[] {
  const { platform, env } = system;
  if (env.DUET_POLICY_FILE) {
    const file = path.resolve(env.DUET_POLICY_FILE);
    return [() => readJsonPolicy(file)];
  }
  const at = (file: string): string => (system.root ? path.join(system.root, file) : file);
  const json = platform === 'win32' ? jsonPolicyPath(platform, env) : at(jsonPolicyPath(platform, env));
  if (platform === 'win32') {
    const reg = system.reg ?? runReg(env);
    return [() => readRegistryPolicy('HKEY_LOCAL_MACHINE', reg), () => readRegistryPolicy('HKEY_CURRENT_USER', reg), () => readJsonPolicy(json)];
  }
  if (platform === 'darwin') {
    const plutil = system.plutil ?? runPlutil;
    const user = system.user ?? userInfo().username;
    return [() => readPlistPolicy(at(MACHINE_MANAGED_PLIST), plutil), () => readPlistPolicy(at(userManagedPlist(user)), plutil), () => readJsonPolicy(json)];
  }
  return [() => readJsonPolicy(json)];
}
