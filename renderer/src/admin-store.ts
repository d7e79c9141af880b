import { create } from 'zustand';
import type { AdminSession, AdminStatus } from '../../common/contract/admin.js';
import { learn } from './learn.js';

interface AdminState {
  status: AdminStatus | undefined;
  /** The unlocked admin session, in memory only: a reload or closing the app locks again. */
  unlocked: AdminSession | null;
  /** Whether the unlock (or set-password) dialog is open. */
  dialogOpen: boolean;
  refresh(): Promise<void>;
  unlock(password: string): Promise<void>;
  setPassword(password: string): Promise<void>;
  lock(): Promise<void>;
  openDialog(): void;
  closeDialog(): void;
}

let expiry: ReturnType<typeof setTimeout> | undefined;

/** The machine admin at this window: whether a password is set, and the session once unlocked. */
export const useAdmin = create<AdminState>((set, get) => {
  const enter = (unlocked: AdminSession) => {
    clearTimeout(expiry);
    // The core ends the session at expiresAt; the window forgets it then too, so it asks again.
    expiry = setTimeout(() => set({ unlocked: null }), Math.max(0, Date.parse(unlocked.expiresAt) - Date.now()));
    set({ unlocked, dialogOpen: false });
  };
  return {
    status: undefined,
    unlocked: null,
    dialogOpen: false,
    async refresh() {
      set({ status: await learn().getAdminStatus() });
    },
    async unlock(password) {
      enter(await learn().unlockAdmin({ password }));
    },
    async setPassword(password) {
      const current = get().unlocked;
      enter(await learn().setAdminPassword({ password, ...(current ? { session: current.session } : {}) }));
      await get().refresh();
    },
    async lock() {
      const current = get().unlocked;
      clearTimeout(expiry);
      set({ unlocked: null });
      if (current) await learn().lockAdmin({ session: current.session });
    },
    openDialog: () => set({ dialogOpen: true }),
    closeDialog: () => set({ dialogOpen: false }),
  };
});
