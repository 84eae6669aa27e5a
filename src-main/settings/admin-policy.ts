import type { PolicyInfo } from '../contract/index.js';
import { PolicyProblem, failClosed, mergeLayers } from './policy-schema.js';
import { policySources, type PolicyEnvironment } from './policy-sources.js';

const told = new Set<string>();

/**
 * Reads the administrator's policy from every place the platform keeps it (policy-sources.ts).
 * Nothing anywhere means no restrictions. A source that exists but cannot be read or understood
 * must not silently open things up: it fails closed (no cloud, no API for other apps, no
 * downloads), with `problem` saying where and why, also printed once to stderr.
 */
export function loadAdminPolicy(system: PolicyEnvironment = { platform: process.platform, env: process.env }): PolicyInfo {
  try {
    return mergeLayers(policySources(system).map((read) => read()));
  } catch (error) {
    const problem = error instanceof PolicyProblem ? error : new PolicyProblem('any of its places', `it could not be read (${(error as Error).message}).`);
    const policy = failClosed(problem);
    if (!told.has(policy.problem!)) {
      told.add(policy.problem!);
      console.error(`Duet: ${policy.problem}`);
    }
    return policy;
  }
}
