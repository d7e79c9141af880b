import { z } from 'zod';
import { en } from './messages/en.js';
import { say } from './message.js';
import type { MessageKey, Said } from './message.js';

/**
 * zod's validation issues as catalog messages, so an `invalid-input` answer (the core's bridge, the class server's
 * routes) reaches a German learner in German. zod 4 has locales of its own, but they render where the parse runs
 * (the class server, which does not know its reader's language) and say "Zu klein: erwartet, dass string >=1
 * Zeichen hat"; a catalog message travels as a key and the face says it in its learner's words.
 */

type Issue = z.core.$ZodIssue;

/**
 * A schema's own message ("a time like 22:00") is a catalog sentence when its text is one of the `rule-` keys'
 * English: schemas write `ruleText('rule-…')`, and the issue finds its key again by that text.
 */
const RULE_PREFIX = 'rule-';
const rules = new Map<string, MessageKey>(
  Object.entries(en)
    .filter(([key]) => key.startsWith(RULE_PREFIX))
    .map(([key, text]) => [text, key as MessageKey]),
);
type RuleKey = Extract<MessageKey, `rule-${string}`>;
/** A schema's custom message that faces say in their language: the rule's English text, found again by it. */
export const ruleText = (key: RuleKey): string => (en as Record<string, string>)[key]!;

const TYPES: Record<string, Said> = {
  string: say('type-string'),
  number: say('type-number'),
  int: say('type-int'),
  boolean: say('type-boolean'),
  object: say('type-object'),
  array: say('type-array'),
  date: say('type-date'),
  null: say('type-null'),
};
const typeName = (expected: string): Said => TYPES[expected] ?? say('type-other', { type: expected });

const FORMATS: Record<string, Said> = {
  email: say('issue-format-email'),
  url: say('issue-format-url'),
  uuid: say('issue-format-uuid'),
  datetime: say('issue-format-datetime'),
  date: say('issue-format-date'),
  time: say('issue-format-time'),
  regex: say('issue-pattern'),
};

/** The counted sizes' messages: by bound, for characters of text and items of a list. */
const COUNTED = {
  chars: { min: 'issue-min-chars', max: 'issue-max-chars', exact: 'issue-exact-chars' },
  items: { min: 'issue-min-items', max: 'issue-max-items', exact: 'issue-exact-items' },
} as const;

/** Sizes by what is measured: characters of text, items of a list; other values by their bound. */
function sized(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): Said {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const counted =
    issue.origin === 'string' ? 'chars' : issue.origin === 'array' || issue.origin === 'set' ? 'items' : null;
  if (counted === 'chars' && small && limit === 1 && !issue.exact) return say('issue-empty');
  if (counted) return say(COUNTED[counted][issue.exact ? 'exact' : small ? 'min' : 'max'], { count: limit });
  const inclusive = issue.inclusive !== false;
  if (small) return inclusive ? say('issue-min', { limit }) : say('issue-above', { limit });
  return inclusive ? say('issue-max', { limit }) : say('issue-below', { limit });
}

const shown = (value: unknown) => (typeof value === 'string' ? `“${value}”` : String(value));

/** zod's own English for an issue: a message that differs is the schema's own words. */
const zodEnglish = z.locales.en().localeError;
const ownMessage = (issue: Issue): boolean => {
  const standard = zodEnglish(issue as unknown as z.core.$ZodRawIssue);
  return issue.message !== (typeof standard === 'string' ? standard : standard?.message);
};

/** One issue's problem, as a predicate of its field ("must not be empty", "is missing"). */
export function problemOf(issue: Issue): Said {
  const rule = rules.get(issue.message);
  if (rule) return say(rule as RuleKey);
  // A schema's own sentence that is not a rule of the catalog: English, as the schema wrote it.
  if (issue.code === 'custom' || ownMessage(issue))
    return issue.message ? say('issue-custom', { text: issue.message }) : say('issue-invalid');
  switch (issue.code) {
    case 'invalid_type':
      // The input is there when the parse reported it (parseInput): undefined then means the field is missing.
      if ('input' in issue && issue.input === undefined) return say('issue-missing');
      return say('issue-type', { expected: typeName(issue.expected) });
    case 'too_small':
    case 'too_big':
      return sized(issue);
    case 'invalid_format':
      if (issue.format === 'starts_with' && 'prefix' in issue)
        return say('issue-starts-with', { text: String(issue.prefix) });
      if (issue.format === 'ends_with' && 'suffix' in issue)
        return say('issue-ends-with', { text: String(issue.suffix) });
      if (issue.format === 'includes' && 'includes' in issue)
        return say('issue-includes', { text: String(issue.includes) });
      return FORMATS[issue.format] ?? say('issue-format-other', { format: issue.format });
    case 'not_multiple_of':
      return say('issue-multiple-of', { divisor: issue.divisor });
    case 'unrecognized_keys':
      return say('issue-unknown-fields', { keys: issue.keys });
    case 'invalid_value':
      if (issue.values.length === 1) return say('issue-value', { value: shown(issue.values[0]) });
      return say('issue-one-of', { values: issue.values.map(shown).join(', ') });
    case 'invalid_union':
      if ('options' in issue && issue.options && issue.options.length > 0)
        return say('issue-one-of', { values: issue.options.map(shown).join(', ') });
      return say('issue-union');
    case 'invalid_key':
      return say('issue-key');
    case 'invalid_element':
      return say('issue-element');
    default:
      return say('issue-invalid');
  }
}

/** One issue with the field it is about ("email: is not a valid email address"). */
export function sayIssue(issue: Issue): Said {
  const problem = problemOf(issue);
  if (issue.path.length === 0) return say('issue-whole', { problem });
  return say('issue-at', { path: issue.path.map(String).join('.'), problem });
}

/**
 * Every issue of a failed parse, as one message: "a; b; c" (the issues hold commas and "and" of their own, so
 * not a list joined the language's way).
 */
export const sayIssues = (error: z.ZodError): Said =>
  error.issues
    .map(sayIssue)
    .reduceRight<Said | undefined>((rest, first) => (rest ? say('input-issues', { first, rest }) : first), undefined) ??
  say('issue-whole', { problem: say('issue-invalid') });

/**
 * Parses with the input reported in the issues (so a missing field reads "is missing", not "must be text"),
 * the failure said through the catalog. The reported input stays here: only the said problem leaves.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { success: true; data: T } | { success: false; problem: Said } {
  const parsed = schema.safeParse(value, { reportInput: true });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, problem: sayIssues(parsed.error) };
}
