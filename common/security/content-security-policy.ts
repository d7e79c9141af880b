/**
 * The renderer's Content-Security-Policy, the same in the desktop window and the browser face:
 * only the app's own scripts and styles, no inline script, no eval, no plugins, no framing.
 * `connect` lists extra origins the page may call (the browser face's WebSocket).
 */
export function contentSecurityPolicy(connect: readonly string[] = []): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connect],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
