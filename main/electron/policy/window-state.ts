import { z } from 'zod';

export const windowStateSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(10_000),
  height: z.number().int().min(300).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };

/**
 * The window where it was last time, if that still fits: a saved state that is corrupt, or whose window would now
 * be mostly off every screen (a projector unplugged, a smaller laptop screen), opens at the default size, centred
 * by the OS. A window larger than the screen it is on shrinks to it.
 */
export function restoreWindow(saved: unknown, screens: readonly Area[]): Partial<WindowState> & typeof DEFAULT_SIZE {
  const state = windowStateSchema.safeParse(saved);
  if (!state.success) return { ...DEFAULT_SIZE };
  const { x, y, width, height, maximized } = state.data;
  const home = screens.find(
    (s) => x + width / 2 >= s.x && x + width / 2 < s.x + s.width && y >= s.y && y < s.y + s.height - 40,
  );
  if (!home) return { ...DEFAULT_SIZE, maximized };
  const w = Math.min(width, home.width);
  const h = Math.min(height, home.height);
  return {
    x: Math.min(Math.max(x, home.x), home.x + home.width - w),
    y: Math.min(Math.max(y, home.y), home.y + home.height - h),
    width: w,
    height: h,
    maximized,
  };
}
