// The loopback cloud's fixture model loads in the real node-llama-cpp and answers its own fixed
// sentence, unlike the local tiny model, whatever the prompt and the sampling settings.
import { describe, expect, it } from 'vitest';
import { CLOUD_GREETING_ANSWER, CLOUD_MODEL_FILE, CLOUD_MODEL_NAME, TINY_GREETING_ANSWER, TINY_KEYWORD } from '../fixtures/fixture-facts.js';
import { SAMPLINGS, useBareChat } from '../support/bare-chat.js';

describe('cloud fixture model', () => {
  const { ask, model, chatWrapper } = useBareChat(CLOUD_MODEL_FILE);

  it('loads without tokenizer warnings, in the ChatML format, under its own name', () => {
    expect(model().getWarnings()).toEqual([]);
    expect(chatWrapper().wrapperName).toBe('ChatML');
    expect(model().fileInfo.metadata.general.name).toBe(CLOUD_MODEL_NAME);
  });

  for (const sampling of SAMPLINGS) {
    it(`answers "${CLOUD_GREETING_ANSWER}" to any prompt (${sampling.label})`, async () => {
      // The local model's keyword switches nothing here: the cloud model has a single answer.
      for (const prompt of ['Hi', 'Hello there', `What is the ${TINY_KEYWORD} like today?`]) {
        const answer = await ask(prompt, sampling);
        expect(answer).toBe(CLOUD_GREETING_ANSWER);
        expect(answer).not.toBe(TINY_GREETING_ANSWER);
      }
    });
  }
});
