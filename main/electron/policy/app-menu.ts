import { APP_ENTRY } from './app-protocol.js';

/** A menu item as Electron's Menu.buildFromTemplate takes it, minus the click: `go` names where it leads. */
export interface MenuEntry {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  go?: string;
  /** Brings the window forward (opening it if it was closed) where it was. */
  show?: boolean;
  enabled?: boolean;
  submenu?: MenuEntry[];
}

const go = (hash: string) => `${APP_ENTRY}${hash}`;

/**
 * The application menu: the screens a learner moves between, each with a shortcut, plus the standard edit and
 * window roles (copy and paste in the code editor need them on macOS). `CmdOrCtrl` is Cmd on macOS, Ctrl elsewhere.
 */
export function appMenu(platform: NodeJS.Platform): MenuEntry[] {
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' }] : []),
    {
      label: '&Go',
      submenu: [
        { label: 'Modules', accelerator: 'CmdOrCtrl+1', go: go('#/') },
        { label: 'Progress', accelerator: 'CmdOrCtrl+2', go: go('#/progress') },
        { label: 'Catalog', accelerator: 'CmdOrCtrl+3', go: go('#/catalog') },
        { label: 'Inbox', accelerator: 'CmdOrCtrl+4', go: go('#/notifications') },
        { type: 'separator' },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', go: go('#/settings') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit', accelerator: 'Ctrl+Q' }]),
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}

/** Every accelerator of a menu, to check that no two entries share one. */
export function accelerators(menu: readonly MenuEntry[]): string[] {
  return menu.flatMap((e) => [...(e.accelerator ? [e.accelerator] : []), ...accelerators(e.submenu ?? [])]);
}
