import { randomInt } from 'node:crypto';
import { JOIN_CODE_LENGTH } from '../../common/contract/classes.js';

// No 0/O, 1/I/L: a code read aloud or copied from a board is typed right the first time.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 31^8 (about 8.5e11) codes, so guessing one under the rate limit is hopeless. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
