// Composes the "models on disk" side for the core: the handlers of `models.found`, `models.library`
// and `models.remove`. Removing the active model stops answers and unloads it before the file goes.
import path from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../contract/index.js';
import type { LocalEngine } from '../local/engine-types.js';
import type { DiscoverPlace } from '../models/discover-roots.js';
import { findModelsOnDisk } from '../models/discover.js';
import { listLibrary, MODELS_FOLDER, removeModel } from '../models/library.js';
import type { SettingsService } from './settings-service.js';

type LibraryChannel = 'models.found' | 'models.library' | 'models.remove';

export interface ModelLibraryDeps {
  dataDir: string;
  /** Where to look for other apps' models; this machine's home by default. */
  place?: Partial<DiscoverPlace>;
  engine: LocalEngine;
  settings: SettingsService;
  /** Stops every answer in progress (they would use the model being removed). */
  stopAnswers: () => Promise<void>;
}

/** Builds the handlers of the library channels. */
export function createModelLibrary(deps: ModelLibraryDeps) {
  const folder = path.join(deps.dataDir, MODELS_FOLDER);
  // The model in use: the one the engine holds (or is loading), else the one the settings name.
  const activePath = (): string | null => {
    const status = deps.engine.status();
    return (status.state === 'ready' || status.state === 'loading') && status.path ? status.path : deps.settings.read().modelPath;
  };
  const handlers: { [C in LibraryChannel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> } = {
    'models.found': () => findModelsOnDisk(deps.place ? { place: deps.place } : {}),
    'models.library': () => listLibrary({ folder, activePath: activePath() }),
    // A refusal carries its contract error code (model_not_removable, not_found).
    'models.remove': ({ path: file }) =>
      removeModel(file, {
        folder,
        activePath: activePath(),
        unloadActive: async () => {
          await deps.stopAnswers();
          await deps.engine.unload();
          // The next start must not try to load a file that is gone.
          deps.settings.update({ modelPath: null });
        },
      }),
  };
  return { handlers, folder };
}
