import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UNTRUSTED_KEY_WORDS } from '../../../common/contract/packs.js';
import { i18next } from '../i18n/i18n.js';
import { ImportFailure } from './PackImport.js';

describe('a failed pack import', () => {
  it('shows the way to the fix when the signing key is not trusted', () => {
    const reason = `it is signed by key k1, ${UNTRUSTED_KEY_WORDS}; a machine admin must trust that key first`;
    const html = renderToStaticMarkup(<ImportFailure message={`Cannot use “week.lpack”: ${reason}.`} />);
    expect(html).toMatch(/<a href="#\/settings">Trust the key in Settings, under Trusted pack keys<\/a>/);
    expect(html).toMatch(/an admin must do it/);
  });

  it('offers no such link for other failures', () => {
    const html = renderToStaticMarkup(
      <ImportFailure message="Cannot use “week.lpack”: it was changed after signing." />,
    );
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('<a ');
  });

  it('says the way to the fix in the learner’s language, the link kept', async () => {
    await i18next.changeLanguage('de');
    try {
      const html = renderToStaticMarkup(<ImportFailure message={`Cannot use “week.lpack”: ${UNTRUSTED_KEY_WORDS}.`} />);
      expect(html).toMatch(
        /<a href="#\/settings">Vertraue dem Schlüssel in den Einstellungen[^<]*<\/a> \(das muss ein Admin tun;/,
      );
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
