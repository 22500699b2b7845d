import type { Choice } from '@/lib/choice-lists/types';

/** The list's choices as Select options, plus the stored value when the list no longer has it, so it is not lost silently. */
export function withCurrent(choices: Choice[], current: string | undefined): { value: string; content: string }[] {
  const options = choices.map((c) => ({ value: c.value, content: c.label }));
  if (current !== undefined && current !== '' && !choices.some((c) => c.value === current)) {
    options.unshift({ value: current, content: `${current} (not in the list)` });
  }
  return options;
}
