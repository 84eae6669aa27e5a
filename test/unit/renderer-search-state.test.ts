import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src-main/contract/history-entities.js';
import { SearchState } from '../../src-renderer/lib/state/search.svelte.js';
import { ScriptedClient } from '../support/scripted-client.js';

function hit(messageId: string): SearchHit {
  return { messageId, conversationId: 'c1', conversationTitle: 'Chat', role: 'assistant', snippet: messageId, createdAt: 1, target: 'local', model: 'tiny' };
}

function setup(query: string): { client: ScriptedClient; search: SearchState } {
  const client = new ScriptedClient();
  const search = new SearchState(client);
  search.open = true;
  search.query = query;
  return { client, search };
}

describe('SearchState', () => {
  it('shows the hits for the latest query when an older search answers last', async () => {
    const { client, search } = setup('lla');
    const older = search.run();
    search.query = 'llama';
    const newer = search.run();
    const [olderCall, newerCall] = client.twoWaiting('history.search');
    expect(newerCall.request).toMatchObject({ query: 'llama' });

    newerCall.ok({ hits: [hit('llama-1')], models: ['tiny'] });
    await newer;
    olderCall.ok({ hits: [hit('lla-1'), hit('lla-2')], models: ['tiny'] });
    await older;

    expect(search.hits.map((h) => h.messageId)).toEqual(['llama-1']);
    expect(search.searching).toBe(false);
    expect(search.answered).toBe(true);
  });

  it('drops an answer that comes after the palette closed', async () => {
    const { client, search } = setup('llama');
    const running = search.run();
    search.close();
    client.take('history.search').ok({ hits: [hit('late')], models: [] });
    await running;
    expect(search.hits).toEqual([]);
    expect(search.searching).toBe(false);
  });

  it('keeps the keyboard on the same message when the same search runs again', async () => {
    const { client, search } = setup('llama');
    const first = search.run();
    client.take('history.search').ok({ hits: [hit('m1'), hit('m2'), hit('m3')], models: [] });
    await first;
    search.move(2);
    expect(search.active).toBe(2);

    // The history changed under the palette: m0 is new and comes first.
    const again = search.run();
    client.take('history.search').ok({ hits: [hit('m0'), hit('m1'), hit('m2'), hit('m3')], models: [] });
    await again;
    expect(search.hits[search.active]?.messageId).toBe('m3');
  });

  it('shows why a search failed and no stale hits', async () => {
    const { client, search } = setup('llama');
    const first = search.run();
    client.take('history.search').ok({ hits: [hit('m1')], models: [] });
    await first;
    const second = search.run();
    const error = client.take('history.search').fail('storage_corrupt');
    await second;
    expect(search.hits).toEqual([]);
    expect(search.error).toEqual(error);
  });

  it('searches the messages older than those a search read, and all dates again', async () => {
    const { client, search } = setup('llama');
    const first = search.run();
    expect(client.take('history.search').request).toMatchObject({ to: null });
    client.take('history.search').ok({ hits: [hit('m9')], models: [], searchedFrom: 5_000 });
    await first;
    expect(search.searchedFrom).toBe(5_000);

    search.searchOlder();
    const older = search.run();
    expect(client.take('history.search').request).toMatchObject({ query: 'llama', to: 5_000 });
    // An older server leaves the field out: the search read everything.
    client.take('history.search').ok({ hits: [hit('m1')], models: [] });
    await older;
    expect(search.before).toBe(5_000);
    expect(search.searchedFrom).toBeNull();

    search.setBefore(null);
    const all = search.run();
    expect(client.take('history.search').request).toMatchObject({ to: null });
    client.take('history.search').ok({ hits: [hit('m9')], models: [], searchedFrom: 5_000 });
    await all;
  });
});
