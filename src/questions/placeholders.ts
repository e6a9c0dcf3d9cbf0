/** The `{company}` and `{role}` placeholders of the bank's questions, and how they are filled. */
import { StarlError } from '../core/errors.js';

/** The placeholders a question's text may hold, filled by {@link fillPlaceholders}. */
export const PLACEHOLDERS = ['company', 'role'] as const;
/** A placeholder's name, as written between braces in a question's text. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A placeholder in a question's text: its name between braces. */
export const PLACEHOLDER_PATTERN = /\{([^{}]*)\}/g;

/** The placeholders that a question's text holds, each once, in order of first appearance. */
export function placeholdersOf(question: { readonly text: string }): Placeholder[] {
  const names = [...question.text.matchAll(PLACEHOLDER_PATTERN)].map(([, name]) => name as Placeholder);
  return [...new Set(names)];
}

/** The values for a question's placeholders. */
export interface PlaceholderValues {
  company?: string | undefined;
  role?: string | undefined;
}

/**
 * A question's text with `{company}` and `{role}` replaced by the given values (trimmed).
 *
 * @example fillPlaceholders(question, { company: 'Northwind', role: 'support engineer' })
 * @throws StarlError `E_USAGE` when the text holds a placeholder whose value is missing or blank.
 */
export function fillPlaceholders(question: { readonly id: string; readonly text: string }, values: PlaceholderValues): string {
  return question.text.replace(PLACEHOLDER_PATTERN, (_, name: string) => {
    const value = (values as Record<string, string | undefined>)[name]?.trim();
    if (!value) {
      throw new StarlError('E_USAGE', `Question "${question.id}" needs a ${name} name to fill {${name}}`, { field: name });
    }
    return value;
  });
}
