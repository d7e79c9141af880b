import { create } from 'zustand';
import type { ModuleSummary } from '../../common/contract/content.js';
import { learn } from './learn.js';
import type { LoadState } from './use-load.js';

interface CatalogState {
  modules: LoadState<ModuleSummary[]>;
  loadModules(): Promise<void>;
}

export const useCatalog = create<CatalogState>((set) => ({
  modules: { status: 'loading' },
  async loadModules() {
    set({ modules: { status: 'loading' } });
    try {
      set({ modules: { status: 'ready', value: await learn().listModules() } });
    } catch (error) {
      set({ modules: { status: 'error', message: (error as Error).message } });
    }
  },
}));
