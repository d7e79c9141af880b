import type { ReactNode } from 'react';

/**
 * Profile pictures drawn as inline SVG: emoji render as empty boxes where no emoji font is installed
 * (a bare Linux, a kiosk), and a picture must look the same on every machine. Each is 32 × 32 and sized
 * by the surrounding font size (1em), so the CSS that sized the emoji sizes these.
 */
const DRAWINGS = {
  owl: (
    <>
      <ellipse cx="16" cy="18" rx="11" ry="12" fill="#8d6e63" />
      <path d="M6 8l5 4M26 8l-5 4" stroke="#5d4037" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="11.5" cy="15" r="4.5" fill="#fff" />
      <circle cx="20.5" cy="15" r="4.5" fill="#fff" />
      <circle cx="11.5" cy="15" r="2" fill="#212121" />
      <circle cx="20.5" cy="15" r="2" fill="#212121" />
      <path d="M14.5 19.5h3L16 22.5z" fill="#ffa000" />
      <ellipse cx="16" cy="26" rx="6" ry="3.5" fill="#d7ccc8" />
    </>
  ),
  fox: (
    <>
      <path d="M4 4l7 8M28 4l-7 8" stroke="#e65100" strokeWidth="4" strokeLinecap="round" />
      <path d="M3 11q13-6 26 0L16 29z" fill="#ef6c00" />
      <path d="M8 18q8 2 8 11q0-9 8-11z" fill="#fff" />
      <circle cx="11" cy="15" r="1.8" fill="#212121" />
      <circle cx="21" cy="15" r="1.8" fill="#212121" />
      <circle cx="16" cy="27.5" r="1.6" fill="#212121" />
    </>
  ),
  cat: (
    <>
      <path d="M5 5l6 6h10l6-6v14a11 10 0 0 1-22 0z" fill="#9e9e9e" />
      <ellipse cx="11" cy="17" rx="2" ry="2.6" fill="#c0ca33" />
      <ellipse cx="21" cy="17" rx="2" ry="2.6" fill="#c0ca33" />
      <path d="M14.5 21.5h3L16 23.5z" fill="#f48fb1" />
      <path d="M3 21h8M3 24l8-1.5M29 21h-8M29 24l-8-1.5" stroke="#616161" strokeWidth="1" />
    </>
  ),
  panda: (
    <>
      <circle cx="7" cy="8" r="4.5" fill="#212121" />
      <circle cx="25" cy="8" r="4.5" fill="#212121" />
      <circle cx="16" cy="18" r="12" fill="#fafafa" stroke="#212121" strokeWidth="1" />
      <ellipse cx="11" cy="16.5" rx="3" ry="4" fill="#212121" transform="rotate(-25 11 16.5)" />
      <ellipse cx="21" cy="16.5" rx="3" ry="4" fill="#212121" transform="rotate(25 21 16.5)" />
      <circle cx="11.5" cy="16" r="1.2" fill="#fff" />
      <circle cx="20.5" cy="16" r="1.2" fill="#fff" />
      <ellipse cx="16" cy="23" rx="2.2" ry="1.5" fill="#212121" />
    </>
  ),
  turtle: (
    <>
      <circle cx="27" cy="18" r="3.5" fill="#7cb342" />
      <ellipse cx="8" cy="25" rx="3" ry="2" fill="#7cb342" />
      <ellipse cx="22" cy="25" rx="3" ry="2" fill="#7cb342" />
      <path d="M3 22a12 11 0 0 1 24 0z" fill="#2e7d32" />
      <path d="M9 22l3-7h6l3 7M12 15l3-4 3 4" stroke="#a5d6a7" strokeWidth="1.2" fill="none" />
      <circle cx="28" cy="17" r="0.9" fill="#212121" />
    </>
  ),
  rocket: (
    <>
      <path d="M16 2q8 6 6 18H10Q8 8 16 2z" fill="#eceff1" stroke="#546e7a" strokeWidth="1" />
      <circle cx="16" cy="11" r="3" fill="#42a5f5" stroke="#546e7a" strokeWidth="1" />
      <path d="M10 15l-5 7h6zM22 15l5 7h-6z" fill="#e53935" />
      <path d="M12 20h8l-4 10z" fill="#ffa000" />
    </>
  ),
  snake: (
    <>
      <path d="M6 26q-3-5 3-7t11-2q6-1 4-6t-8-3" stroke="#388e3c" strokeWidth="5" strokeLinecap="round" fill="none" />
      <circle cx="14" cy="8" r="4.5" fill="#43a047" />
      <circle cx="12.5" cy="7" r="1.1" fill="#212121" />
      <path d="M9.5 9l-3 1M6.5 10l-1.5-1M6.5 10l-1 1.5" stroke="#d32f2f" strokeWidth="1" />
    </>
  ),
  star: (
    <path
      d="M16 2l4.1 8.9 9.7 1.1-7.2 6.6 2 9.6L16 23.3l-8.6 4.9 2-9.6-7.2-6.6 9.7-1.1z"
      fill="#fbc02d"
      stroke="#f57f17"
      strokeWidth="1"
      strokeLinejoin="round"
    />
  ),
} satisfies Record<string, ReactNode>;

export type AvatarId = keyof typeof DRAWINGS;

/** The pictures a learner chooses from, in the order they are offered. */
export const avatarIds = Object.keys(DRAWINGS) as AvatarId[];

/** The stored id's picture; an id this build does not know (from a newer device) falls back to the owl. */
export function Avatar({ id, className }: { id: string; className?: string }) {
  const drawing = (DRAWINGS as Record<string, ReactNode>)[id] ?? DRAWINGS.owl;
  return (
    <svg
      className={className ? `avatar-image ${className}` : 'avatar-image'}
      viewBox="0 0 32 32"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      {drawing}
    </svg>
  );
}
