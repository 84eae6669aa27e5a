// The contract's channel names as a plain list, for the preload. Importing `channels` would pull
// zod and every schema into the preload bundle just to check a name; the main process validates
// requests anyway. The `satisfies` below makes the compiler keep this list equal to the contract.
import type { Channel } from '../contract/channels.js';

const NAMES = {
  'app.info': true,
  'conversations.list': true,
  'conversations.open': true,
  'chat.send': true,
  'chat.stop': true,
  'settings.update': true,
  'settings.resetLearning': true,
  'conversations.setMode': true,
  'chat.askOther': true,
  'cloud.configure': true,
  'conversations.rename': true,
  'conversations.pin': true,
  'conversations.delete': true,
  'history.search': true,
  'history.export': true,
  'history.import': true,
  'history.importFile': true,
  'history.distill': true,
  'history.savings': true,
  'model.load': true,
  'models.settings': true,
  'models.saveSettings': true,
  'models.catalog': true,
  'models.download': true,
  'models.cancel': true,
  'models.downloads': true,
  'models.found': true,
  'models.library': true,
  'models.remove': true,
  'api.renewKey': true,
} as const satisfies Record<Channel, true>;

/** Every channel of the contract. */
export const CONTRACT_CHANNELS = Object.freeze(Object.keys(NAMES)) as readonly Channel[];

/** True when a value names a channel of the contract (no zod needed). */
export function isContractChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(NAMES, name);
}
