import { describe, expect, it } from 'vitest';
import { RouteReason } from '../../src-main/contract/entities.js';
import { channelNames, channels, isChannel } from '../../src-main/contract/index.js';

describe('contract', () => {
  it('names every channel once and knows its own names', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length);
    for (const name of channelNames) expect(isChannel(name)).toBe(true);
    expect(isChannel('constructor')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel(42)).toBe(false);
  });

  it('accepts a well-formed chat.send and trims nothing away from the text', () => {
    const parsed = channels['chat.send'].request.parse({ conversationId: null, text: '  Hello  ' });
    expect(parsed.text).toBe('Hello');
  });

  it('refuses an empty message with a message a person can read', () => {
    const parsed = channels['chat.send'].request.safeParse({ conversationId: null, text: '   ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Type a message first.');
  });

  it('refuses unknown fields, wrong types and oversized text', () => {
    const send = channels['chat.send'].request;
    expect(send.safeParse({ conversationId: null, text: 'hi', admin: true }).success).toBe(false);
    expect(send.safeParse({ conversationId: 7, text: 'hi' }).success).toBe(false);
    expect(send.safeParse({ conversationId: null, text: 'x'.repeat(100_001) }).success).toBe(false);
    expect(channels['settings.update'].request.safeParse({ showRouting: 'yes' }).success).toBe(false);
    expect(channels['conversations.open'].request.safeParse({ id: '' }).success).toBe(false);
  });

  it('lets settings be updated one field at a time', () => {
    expect(channels['settings.update'].request.parse({ showRouting: true })).toEqual({ showRouting: true });
  });

  it('reads a reason code it does not know as "other" and keeps its words, rather than failing an import', () => {
    expect(RouteReason.parse({ code: 'from-a-newer-duet', message: 'a reason from the future' })).toEqual({ code: 'other', message: 'a reason from the future' });
    expect(RouteReason.parse({ code: 'privacy', message: 'stays here' })).toEqual({ code: 'privacy', message: 'stays here' });
  });
});
