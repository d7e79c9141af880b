import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LearnError } from '../../../common/contract/errors.js';
import type { ApiResult } from '../../../common/contract/errors.js';
import { say } from '../../../common/i18n/message.js';
import type { Said } from '../../../common/i18n/message.js';
import { i18next } from '../i18n/i18n.js';
import { ImportFailure } from './PackImport.js';
import { outcomeOf } from './use-pack-upload.js';

/** What the bridge answers when the core refuses a pack file, built as the core builds it (pack-installer.ts). */
const refused = (reason: Said): ApiResult<never> => ({
  ok: false,
  error: new LearnError('invalid-input', say('pack-file-refused', { file: '“week.lpack”', reason })).toBody(),
});
const untrusted = refused(say('pack-key-untrusted', { keyId: 'k1' }));

/** The failure as the screen shows it: the upload's outcome, rendered. */
function shown(result: ApiResult<never>): string {
  const state = outcomeOf(result);
  if (state.status !== 'failed') throw new Error('expected a failure');
  return renderToStaticMarkup(<ImportFailure error={state.error} />);
}

describe('a failed pack import', () => {
  it('shows the way to the fix when the signing key is not trusted', () => {
    const html = shown(untrusted);
    expect(html).toContain('Cannot use “week.lpack”: it is signed by key k1, which is not trusted here');
    expect(html).toMatch(/<a href="#\/settings">Trust the key in Settings, under Trusted pack keys<\/a>/);
    expect(html).toMatch(/an admin must do it/);
  });

  it('offers no such link for other failures', () => {
    const html = shown(refused(say('pack-changed-after-signing')));
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('<a ');
  });

  it('says the refusal and the way to the fix in the learner’s language, the key recognized by its catalog key', async () => {
    await i18next.changeLanguage('de');
    try {
      const html = shown(untrusted);
      expect(html).toContain('“week.lpack” ist nicht verwendbar: sie ist mit Schlüssel k1 signiert');
      expect(html).not.toContain('which is not trusted');
      expect(html).toMatch(
        /<a href="#\/settings">Vertraue dem Schlüssel in den Einstellungen[^<]*<\/a> \(das muss ein Admin tun;/,
      );
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
