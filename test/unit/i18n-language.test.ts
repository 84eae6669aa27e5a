import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src-renderer/lib/format-size.js';
import { formatDay, formatInteger, formatUsd, modeLabel } from '../../src-renderer/lib/format.js';
import { applyLanguage, locale, resolveLocale, systemLocale, t } from '../../src-renderer/lib/i18n/index.svelte.js';

// The language in force: picked from the system's list or the user's choice, and used by t() and
// every Intl formatter at once.

describe('the system language', () => {
  it('reads every Simplified Chinese tag as zh-CN', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH-cn']) expect(systemLocale([tag]), tag).toBe('zh-CN');
  });

  it('falls back to English for every other language', () => {
    expect(systemLocale(['fr-FR', 'de'])).toBe('en');
    expect(systemLocale(['zh-TW'])).toBe('en');
    expect(systemLocale([])).toBe('en');
  });

  it('takes the first of the system languages Duet has', () => {
    expect(systemLocale(['fr-FR', 'zh-CN', 'en-US'])).toBe('zh-CN');
    expect(systemLocale(['en-GB', 'zh-CN'])).toBe('en');
  });

  it('is overridden by a choice in Settings', () => {
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLocale('system', ['zh-CN'])).toBe('zh-CN');
  });
});

describe('switching the language', () => {
  afterEach(() => applyLanguage('en'));

  it('changes the words, plurals and numbers at once', () => {
    applyLanguage('en');
    expect(locale()).toBe('en');
    expect(t('composer.send')).toBe('Send');
    expect(t('modelFacts.layersOnGpu', { count: 1, n: '1' })).toBe('1 layer on the GPU');
    expect(t('modelFacts.layersOnGpu', { count: 28, n: '28' })).toBe('28 layers on the GPU');
    expect(modeLabel('local')).toBe('Local only');
    expect(formatDay('2025-03-12')).toBe('Mar 12, 2025');

    applyLanguage('zh-CN');
    expect(locale()).toBe('zh-CN');
    expect(t('composer.send')).toBe('发送');
    expect(t('modelFacts.layersOnGpu', { count: 1, n: '1' })).toBe('1 层在 GPU 上');
    expect(modeLabel('local')).toBe('仅本地');
    expect(formatDay('2025-03-12')).toBe('2025年3月12日');
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatUsd(12.4)).toBe('US$12.40');
    expect(formatBytes(1.7e9)).toBe('1.7 GB');
  });

  it('interpolates names as they are, without HTML escaping (Svelte escapes)', () => {
    expect(t('conversationList.rename', { title: 'Tom & Jerry <3' })).toBe('Rename “Tom & Jerry <3”');
  });
});
