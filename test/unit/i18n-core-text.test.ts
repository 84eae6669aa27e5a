import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src-main/contract/envelope.js';
import { RouteReasonCode } from '../../src-main/contract/entities.js';
import { errorText, reasonText } from '../../src-renderer/lib/i18n/core-text.js';
import { applyLanguage, t } from '../../src-renderer/lib/i18n/index.svelte.js';

// The core writes errors and routing reasons in English. A Chinese user reads the code's own
// sentence first, with the core's specifics after it; an English user reads the core's words.

afterEach(() => applyLanguage('en'));

describe('what the core says, in the user language', () => {
  it('leaves the core words alone in English', () => {
    applyLanguage('en');
    expect(errorText({ code: 'cloud_auth', message: 'The cloud refused the key (401).' })).toBe('The cloud refused the key (401).');
    expect(reasonText({ code: 'difficult', message: 'difficulty 0.41 above 0.24' })).toBe('difficulty 0.41 above 0.24');
  });

  it('leads with a Chinese sentence for the code and keeps the specifics', () => {
    applyLanguage('zh-CN');
    const error = errorText({ code: 'cloud_auth', message: 'The cloud refused the key (401).' });
    expect(error).toMatch(/^云端模型拒绝了 API 密钥。（The cloud refused the key \(401\)\.）$/);
    expect(reasonText({ code: 'privacy', message: 'an e-mail address' })).toBe('含个人信息，留在本机（an e-mail address）');
  });

  it('has a sentence in both languages for every error code and every reason code the contract knows', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      applyLanguage(lang);
      for (const code of ErrorCode.options) expect(t(`coreError.${code}`, { defaultValue: '' }), `${lang} ${code}`).not.toBe('');
      for (const code of RouteReasonCode.options) expect(t(`coreReason.${code}`, { defaultValue: '' }), `${lang} ${code}`).not.toBe('');
    }
  });

  it('keeps the core words for a code it has no sentence for', () => {
    applyLanguage('zh-CN');
    expect(errorText({ code: 'from_a_newer_duet', message: 'Something new.' })).toBe('Something new.');
  });
});
