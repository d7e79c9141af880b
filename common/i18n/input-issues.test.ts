import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseInput, ruleText } from './input-issues.js';
import { coreTranslate, createCoreI18n } from './translator.js';

const german = coreTranslate(createCoreI18n('de'));

const profile = z.strictObject({
  name: z.string().min(1).max(5),
  email: z.email(),
  age: z.number().int().min(0),
  tags: z.array(z.string()).min(2),
  mode: z.enum(['text', 'markdown']),
  at: z.string().regex(/^\d\d:\d\d$/, ruleText('rule-clock-time')),
});

/** A failed parse's problem, in English and as a German learner reads it. */
function problems(value: unknown) {
  const parsed = parseInput(profile, value);
  if (parsed.success) throw new Error('expected a failure');
  return { en: parsed.problem.text, de: german(parsed.problem, parsed.problem.text) };
}

describe("zod's issues said through the catalog", () => {
  it('name each field with what is wrong, in English and in German', () => {
    const said = problems({ name: '', email: 'no', age: -1, tags: ['a'], mode: 'html', at: '9', extra: 1 });
    expect(said.en).toBe(
      'name: must not be empty; email: is not a valid email address; age: must be at least 0; ' +
        'tags: must have at least 2 items; mode: must be one of “text”, “markdown”; at: a time like 22:00; ' +
        'the input has fields this version does not know: extra',
    );
    expect(said.de).toBe(
      'name: darf nicht leer sein; email: ist keine gültige E-Mail-Adresse; age: muss mindestens 0 sein; ' +
        'tags: muss mindestens 2 Einträge haben; mode: muss eines von “text”, “markdown” sein; ' +
        'at: eine Uhrzeit wie 22:00; die Eingabe hat Felder, die diese Version nicht kennt: extra',
    );
  });

  it('tell a missing field from one of the wrong type, and count with plural forms', () => {
    expect(problems({ email: 'a@b.org', age: 1.5, tags: ['a', 'b'], mode: 'text', at: '09:00' }).de).toBe(
      'name: fehlt; age: muss eine ganze Zahl sein',
    );
    expect(
      problems({ name: 'toolong', email: 'a@b.org', age: 'x', tags: ['a', 'b'], mode: 'text', at: '09:00' }).de,
    ).toBe('name: darf höchstens 5 Zeichen haben; age: muss eine Zahl sein');
  });

  it("keep a schema's own English where it is not a rule of the catalog", () => {
    const parsed = parseInput(z.object({ pw: z.string().min(8, 'longer, please') }), { pw: 'x' });
    expect(parsed.success ? '' : german(parsed.problem, parsed.problem.text)).toBe('pw: longer, please');
  });

  it('say a whole input of the wrong shape', () => {
    expect(problems([1, 2])).toEqual({ en: 'the input must be an object', de: 'die Eingabe muss ein Objekt sein' });
  });
});
