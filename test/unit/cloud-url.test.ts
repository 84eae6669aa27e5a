// A cloud URL with a key in it is refused by the contract, so no key reaches the settings.
import { describe, expect, it } from 'vitest';
import { channels, CloudSettings, Settings, splitKeyFromUrl, URL_KEY_REFUSED } from '../../src-main/contract/index.js';

const KEY = 'sk-live-HiddenKey42';

describe('keys in cloud URLs', () => {
  it.each([
    [`https://user:${KEY}@api.example.com/v1`, 'https://api.example.com/v1'],
    [`https://${KEY}@api.example.com/v1`, 'https://api.example.com/v1'],
    [`https://api.example.com/v1?api-key=${KEY}`, 'https://api.example.com/v1'],
    [`https://api.example.com/v1?key=${KEY}&x=1`, 'https://api.example.com/v1?x=1'],
    [`https://res.openai.azure.com?api-version=2024-10-21&api_key=${KEY}`, 'https://res.openai.azure.com/?api-version=2024-10-21'],
    [`https://api.example.com/v1?access_token=${KEY}`, 'https://api.example.com/v1'],
  ])('finds the key in %s and gives the URL without it', (url, cleaned) => {
    expect(splitKeyFromUrl(url)).toEqual({ url: cleaned, key: KEY });
  });

  it('leaves URLs without a key alone', () => {
    expect(splitKeyFromUrl('https://api.openai.com/v1')).toBeNull();
    expect(splitKeyFromUrl('https://res.openai.azure.com?api-version=2024-10-21')).toBeNull();
    expect(splitKeyFromUrl('not a url')).toBeNull();
  });

  it('refuses such a URL in cloud.configure, settings.update and the stored settings, saying where the key goes', () => {
    const url = `https://user:${KEY}@api.example.com/v1`;
    const configure = channels['cloud.configure'].request.safeParse({ presetId: 'custom', baseUrl: url, model: 'm' });
    expect(configure.success).toBe(false);
    expect(configure.error?.issues[0]?.message).toBe(URL_KEY_REFUSED);
    expect(URL_KEY_REFUSED).toMatch(/API key field/);
    expect(CloudSettings.safeParse({ presetId: 'custom', baseUrl: url, model: 'm' }).success).toBe(false);
    expect(channels['settings.update'].request.safeParse({ cloud: { presetId: 'custom', baseUrl: url, model: 'm' } }).success).toBe(false);
    expect(Settings.shape.cloud.safeParse({ presetId: 'x', baseUrl: `https://h/v1?key=${KEY}`, model: 'm' }).success).toBe(false);
    expect(CloudSettings.safeParse({ presetId: 'custom', baseUrl: 'https://api.example.com/v1', model: 'm' }).success).toBe(true);
  });
});
