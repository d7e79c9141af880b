import { describe, expect, it } from 'vitest';
import { LearnError } from '../../common/contract/errors.js';
import { say } from '../../common/i18n/message.js';
import { coreTranslate, createCoreI18n } from '../../common/i18n/translator.js';
import { namingTheUpload, uploadName } from './upload-name.js';

describe("an uploaded pack's refusal", () => {
  it('names the chosen file, never the temp copy, in the English text and in the reference a face translates', () => {
    const temp = '/tmp/lionlearn-upload-x1/upload.lpack';
    const refusal = say('pack-file-refused', { file: temp, reason: say('pack-key-untrusted', { keyId: 'k1' }) });
    const result = namingTheUpload(
      { ok: false, error: new LearnError('invalid-input', refusal).toBody() },
      [temp],
      uploadName('C:\\packs\\week.lpack'),
    );
    if (result.ok) throw new Error('expected the refusal');
    expect(result.error.message).toMatch(/^Cannot use “week\.lpack”: it is signed by key k1/);
    const german = coreTranslate(createCoreI18n('de'))(result.error.messageI18n!, result.error.message);
    expect(german).toMatch(/^„week\.lpack“ ist nicht verwendbar: sie ist mit Schlüssel k1 signiert/);
    expect(JSON.stringify(result)).not.toContain('lionlearn-upload');
  });

  it('says "the uploaded file" in the learner\'s language when the browser sent no name', () => {
    const temp = '/tmp/lionlearn-upload-x2/upload.lpack';
    const refusal = say('pack-file-refused', { file: temp, reason: say('pack-changed-after-signing') });
    const result = namingTheUpload(
      { ok: false, error: new LearnError('invalid-input', refusal).toBody() },
      [temp],
      uploadName(undefined),
    );
    if (result.ok) throw new Error('expected the refusal');
    expect(result.error.message).toMatch(/^Cannot use the uploaded file: it was changed after signing/);
    const german = coreTranslate(createCoreI18n('de'))(result.error.messageI18n!, result.error.message);
    expect(german).toMatch(/^die hochgeladene Datei ist nicht verwendbar: sie wurde nach dem Signieren verändert/);
  });
});
