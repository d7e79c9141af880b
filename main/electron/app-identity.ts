import { join } from 'node:path';

/**
 * Who the app is to the operating system: the name notifications and the tray carry, the id Windows ties
 * notifications to (electron-builder gives the NSIS shortcut this AppUserModelID: the appId), and the icon files.
 * electron-builder.yml says the same (productName, appId, icon); packaging.test.ts checks that they agree.
 */
export const APP_NAME = 'Lionagi Learn';
export const APP_ID = 'ai.lionagi.learn';

/** The logo, drawn once; scripts/render-icons.mjs renders the PNGs below from it (and from the tray's template). */
export const ICON_SOURCES = { logo: 'build/icon.svg', trayTemplate: 'build/tray-template.svg' } as const;

/**
 * The rendered icons, relative to the install root, with their pixel size. `installer` is electron-builder's
 * (it makes the .icns and .ico from it); build/icons/NxN.png is the set Linux installs; the tray template is black
 * on transparent, as macOS wants for the menu bar (it picks the @2x file on a Retina screen by itself).
 */
export const APP_ICONS = {
  installer: { file: 'build/icon.png', size: 512, source: 'logo' },
  linux512: { file: 'build/icons/512x512.png', size: 512, source: 'logo' },
  large: { file: 'build/icons/256x256.png', size: 256, source: 'logo' },
  small: { file: 'build/icons/32x32.png', size: 32, source: 'logo' },
  tiny: { file: 'build/icons/16x16.png', size: 16, source: 'logo' },
  trayTemplate: { file: 'build/tray/trayTemplate.png', size: 16, source: 'trayTemplate' },
  trayTemplate2x: { file: 'build/tray/trayTemplate@2x.png', size: 32, source: 'trayTemplate' },
} as const satisfies Record<string, { file: string; size: number; source: keyof typeof ICON_SOURCES }>;
export type AppIcon = keyof typeof APP_ICONS;

/** An icon's path in the install at `root` (from source, dist/ or inside the packaged app.asar). */
export const iconPath = (root: string, icon: AppIcon): string => join(root, APP_ICONS[icon].file);

/** The window's and the system notifications' icon: large enough for a HiDPI dock or notification centre. */
export const windowIcon = (root: string): string => iconPath(root, 'large');

/** The tray's icon: macOS draws a template image in the menu bar's own colour; elsewhere the colour logo. */
export const trayIcon = (root: string, platform: NodeJS.Platform): string =>
  iconPath(root, platform === 'darwin' ? 'trayTemplate' : 'small');
