import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Avatar, avatarIds } from './Avatar.js';

const emoji = /\p{Extended_Pictographic}/u;
/** Every renderer source file's text, read by Vite at test time. */
const sources = import.meta.glob<string>('../**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });

describe('avatars', () => {
  it.each(avatarIds)('%s is a drawing, not an emoji that needs a font', (id) => {
    const html = renderToStaticMarkup(<Avatar id={id} />);
    expect(html).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*>.*<\/svg>$/);
    expect(html).toMatch(/<(path|circle|ellipse)/);
    expect(html).not.toMatch(emoji);
  });

  it('each looks different', () => {
    const drawings = avatarIds.map((id) => renderToStaticMarkup(<Avatar id={id} />));
    expect(new Set(drawings).size).toBe(avatarIds.length);
  });

  it('an id this build does not know (from a newer device) shows the owl, never an empty box', () => {
    expect(renderToStaticMarkup(<Avatar id="dragon" />)).toBe(renderToStaticMarkup(<Avatar id="owl" />));
    expect(renderToStaticMarkup(<Avatar id="" />)).toBe(renderToStaticMarkup(<Avatar id="owl" />));
  });

  it('no screen relies on an emoji font: the renderer holds no emoji at all', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const withEmoji = Object.entries(sources).filter(([, text]) => emoji.test(text));
    expect(withEmoji.map(([file]) => file)).toEqual([]);
  });
});
