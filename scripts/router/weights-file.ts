// Writing a trained weights file reproducibly, for router:train and router:train-privacy: the
// same data gives the same bytes, so a retrain that changes nothing leaves git clean.
import fs from 'node:fs';
import path from 'node:path';
import { loadDifficultyModel, type DifficultyModelJson } from '../../src-main/router/difficulty.js';

/**
 * Writes `model` (every field but trainedAt) to `outFile` as one JSON line, validated as the
 * runtime validates it. The date: SOURCE_DATE_EPOCH when set; else the old file's date when nothing
 * else changed; else today. Returns the text written and its date.
 */
export function writeWeightsFile(outFile: string, model: Omit<DifficultyModelJson, 'trainedAt'>): { text: string; trainedAt: string } {
  const render = (trainedAt: string): string => {
    // trainedAt after version and kind, where the schema has it.
    const { format, version, kind, ...rest } = model;
    const json: DifficultyModelJson = { format, version, kind, trainedAt, ...rest };
    loadDifficultyModel(json); // the file must pass the runtime's own validation
    return `${JSON.stringify(json)}\n`;
  };
  let trainedAt = new Date().toISOString().slice(0, 10);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    trainedAt = new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  } else if (fs.existsSync(outFile)) {
    const oldText = fs.readFileSync(outFile, 'utf8');
    const oldDate = /"trainedAt":"([^"]*)"/.exec(oldText)?.[1];
    if (oldDate !== undefined && render(oldDate) === oldText) trainedAt = oldDate;
  }
  const text = render(trainedAt);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, text);
  return { text, trainedAt };
}
