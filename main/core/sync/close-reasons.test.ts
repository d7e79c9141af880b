import { describe, expect, it } from 'vitest';
import { SYNC_CLOSE } from '../../../common/contract/sync-wire.js';
import { coreCatalogs } from '../../../common/i18n/catalogs.js';
import { createCoreI18n, coreTranslate } from '../../../common/i18n/translator.js';
import { closeReason } from './close-reasons.js';

describe("a dropped sync connection's reason, as the learner reads it", () => {
  const german = coreTranslate(createCoreI18n('de'));

  it('names every close code the server sends by a catalog message of its own, German too', () => {
    for (const [name, code] of Object.entries(SYNC_CLOSE)) {
      const said = closeReason(code);
      expect(said.key, name).not.toBe('sync-reason-code');
      expect(coreCatalogs.de[said.key], name).toBeDefined();
      expect(german(said, said.text), name).not.toBe(said.text);
    }
  });

  it("names a newer server's code by its number, and a close without one as a lost connection", () => {
    expect(german(closeReason(4499), '')).toBe('Der Server hat die Verbindung geschlossen (Code 4499).');
    expect(closeReason(1006).key).toBe('sync-reason-lost');
  });
});
