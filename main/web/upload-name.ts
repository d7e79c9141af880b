import type { ApiResult } from '../../common/contract/errors.js';
import { refOf, say } from '../../common/i18n/message.js';
import type { MessageRef, ParamValue, Said } from '../../common/i18n/message.js';

const MAX_NAME_CHARS = 120;

/**
 * The name of the file the learner chose, as the browser sent it, quoted the way their language quotes: its
 * last path part only, with no control or bidi-override characters (it is shown back in a message), at most
 * 120 characters.
 */
export function uploadName(raw: unknown): Said {
  if (typeof raw !== 'string') return say('upload-unnamed');
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!clean) return say('upload-unnamed');
  return say('quoted-title', {
    title: clean.length > MAX_NAME_CHARS ? `${clean.slice(0, MAX_NAME_CHARS - 1)}…` : clean,
  });
}

/**
 * An install's answer about an uploaded pack, naming the file the learner chose wherever the core
 * named the server's private temp copy (its path means nothing to them and tells them about the server).
 */
export function namingTheUpload<T>(result: ApiResult<T>, tempPaths: readonly string[], name: Said): ApiResult<T> {
  if (result.ok) return result;
  const named = (text: string) => tempPaths.reduce((said, path) => said.split(path).join(name.text), text);
  const { messageI18n } = result.error;
  // The reference too: a face says the message from it, in its learner's language.
  return {
    ok: false,
    error: {
      ...result.error,
      message: named(result.error.message),
      ...(messageI18n
        ? { messageI18n: namedIn(messageI18n, (text) => (tempPaths.includes(text) ? refOf(name) : named(text))) }
        : {}),
    },
  };
}

/**
 * A message reference with `named` applied to every text value, those of the messages inside it too: a value
 * that is a temp path whole becomes the name's own message, so a face quotes it its language's way.
 */
function namedIn(ref: MessageRef, named: (text: string) => string | MessageRef): MessageRef {
  if (!ref.params) return ref;
  const value = (v: ParamValue): ParamValue =>
    typeof v === 'string'
      ? named(v)
      : Array.isArray(v)
        ? v.map((item) => (typeof item === 'string' ? named(item) : namedIn(item, named)))
        : typeof v === 'object'
          ? namedIn(v, named)
          : v;
  return { key: ref.key, params: Object.fromEntries(Object.entries(ref.params).map(([k, v]) => [k, value(v)])) };
}
