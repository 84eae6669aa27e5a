import { readFileSync } from 'node:fs';
import { PolicyProblem, checkRecord, type PolicyValues } from './policy-schema.js';

/** Parses a policy.json's text: camelCase keys, null for "not set". */
export function parsePolicyJson(text: string, source: string): PolicyValues {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    throw new PolicyProblem(source, `it is not valid JSON (${(error as Error).message}).`);
  }
  return checkRecord(record, source, 'json');
}

/** Reads a policy.json: null when the file does not exist (no policy there). */
export function readJsonPolicy(file: string): { source: string; values: PolicyValues | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { source: file, values: null };
    throw new PolicyProblem(file, `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  return { source: file, values: parsePolicyJson(text, file) };
}
