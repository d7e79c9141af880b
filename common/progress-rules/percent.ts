/** A whole percentage of `part` in `whole`, 0 when there is nothing: how every screen and report rounds a share. */
export const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((100 * part) / whole));
