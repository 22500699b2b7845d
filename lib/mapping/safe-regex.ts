import { MAX_REGEX_PATTERN, MAX_REGEX_SUBJECT } from './limits';

/** Raised from inside the evaluator; the mapper turns it into a MappingLimitError naming the field. */
export class UnsafeRegexError extends Error {
  override name = 'UnsafeRegexError';
}

/**
 * A regular expression runs synchronously inside one evaluator step, so the per-expression time limit cannot
 * interrupt it. We refuse the shapes that backtrack exponentially (a repeated group that itself repeats or
 * alternates, and backreferences) and cap the text a regex may scan. Polynomial patterns such as `\s*\s*$` stay
 * possible but are bounded by the subject cap; isolating evaluation in a worker thread is the full answer if
 * merchants ever need long texts.
 */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_REGEX_PATTERN) return `the regular expression is longer than ${MAX_REGEX_PATTERN} characters`;
  // One entry per open group: does it contain a quantifier or an alternation?
  const groups: Array<{ risky: boolean }> = [{ risky: false }];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    const top = groups[groups.length - 1];
    if (!top) return 'the regular expression has unbalanced parentheses';
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'backreferences are not allowed in mappings';
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    switch (ch) {
      case '[':
        inClass = true;
        break;
      case '(':
        groups.push({ risky: false });
        break;
      case '|':
        top.risky = true;
        break;
      case ')': {
        groups.pop();
        const parent = groups[groups.length - 1];
        if (!parent) return 'the regular expression has unbalanced parentheses';
        const quantifier = repeats(source, i + 1);
        if (quantifier && top.risky) {
          return 'a repeated group may not itself contain a repetition or an alternative (it can take forever); rewrite it without nesting';
        }
        if (top.risky || quantifier) parent.risky = true;
        break;
      }
      case '*':
      case '+':
      case '{':
        top.risky = true;
        break;
    }
  }
  return undefined;
}

/** Whether the quantifier at `at` can repeat more than once (`?` and `{0,1}` cannot). */
function repeats(source: string, at: number): boolean {
  const ch = source[at];
  if (ch === '*' || ch === '+') return true;
  if (ch !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!m) return false;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return max > 1;
}

/** The RegexEngine handed to JSONata: checks each pattern when it is built and each text before it is scanned. */
export class GuardedRegExp extends RegExp {
  constructor(pattern: RegExp | string, flags?: string) {
    const reason = unsafeRegexReason(typeof pattern === 'string' ? pattern : pattern.source);
    if (reason) throw new UnsafeRegexError(reason);
    super(pattern, flags);
  }

  override exec(subject: string): RegExpExecArray | null {
    if (subject.length > MAX_REGEX_SUBJECT) {
      throw new UnsafeRegexError(`a regular expression may scan at most ${MAX_REGEX_SUBJECT} characters; this text has ${subject.length}`);
    }
    return super.exec(subject);
  }

  // Built-ins like String.prototype.split construct a new RegExp through the species; keep the guard.
  static override get [Symbol.species](): RegExpConstructor {
    return GuardedRegExp as unknown as RegExpConstructor;
  }
}
