import { z } from 'zod';

/**
 * What a field is called in a sentence ("the company name"), registered on the field's schema so the
 * words live beside the rule they explain. A field without a label is named by its path.
 */
export const fieldLabels = z.registry<{ label: string }>();

/** Gives a field's schema its name in words; returns the same schema. */
export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  fieldLabels.add(schema, { label });
  return schema;
}

/** A path as a reader writes it: `answers[1].seconds`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType };

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Optional, nullable, defaulted and piped schemas wrap the one that carries the label. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const chain = [schema];
  for (let def = defOf(schema); def.innerType ?? def.in; def = defOf(chain.at(-1)!)) chain.push((def.innerType ?? def.in)!);
  return chain;
}

/** The label of the field at `path`: its own, else its list's with the entry's number, else its path. */
function labelAt(root: z.ZodType, path: readonly PropertyKey[]): string {
  let schemas = unwrap(root);
  let label: string | null = null;
  for (const [index, part] of path.entries()) {
    const inner = schemas.at(-1)!;
    const def = defOf(inner);
    const next = typeof part === 'number' ? def.element : def.shape?.[String(part)];
    if (!next) return `the field "${issuePath(path)}"`;
    schemas = unwrap(next);
    const own = schemas.map((s) => fieldLabels.get(s)?.label).find(Boolean);
    label = own ?? (typeof part === 'number' && label ? `entry ${part + 1} of ${label}` : index === path.length - 1 ? null : label);
  }
  return label ?? (path.length === 0 ? 'the request' : `the field "${issuePath(path)}"`);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of named fields',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, part) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part] : undefined), input);
}

function plural(count: number | bigint, one: string, many: string): string {
  return `${count} ${Number(count) === 1 ? one : many}`;
}

/** One validation problem as a sentence a person reads: "The company name is at most 200 characters." */
export function plainIssue(issue: z.core.$ZodIssue, root: z.ZodType, input: unknown): string {
  const label = labelAt(root, issue.path);
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return sentence(`${label} is missing`);
      return sentence(`${label} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`);
    }
    case 'too_big':
      if (issue.origin === 'string') return sentence(`${label} is at most ${plural(issue.maximum, 'character', 'characters')}`);
      if (issue.origin === 'array' || issue.origin === 'set') return sentence(`${label} can have at most ${plural(issue.maximum, 'entry', 'entries')}`);
      return sentence(`${label} is at most ${issue.maximum}`);
    case 'too_small':
      if (issue.origin === 'string') return sentence(Number(issue.minimum) <= 1 ? `${label} cannot be empty` : `${label} needs at least ${plural(issue.minimum, 'character', 'characters')}`);
      if (issue.origin === 'array' || issue.origin === 'set') return sentence(`${label} needs at least ${plural(issue.minimum, 'entry', 'entries')}`);
      return sentence(`${label} is at least ${issue.minimum}`);
    case 'invalid_value':
      return sentence(`${label} must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((value) => JSON.stringify(value)).join(', ')}`);
    case 'unrecognized_keys':
      return sentence(`${label} has ${issue.keys.length === 1 ? 'a field' : 'fields'} Starl does not know: ${issue.keys.map((key) => `"${key}"`).join(', ')}`);
    case 'invalid_format':
      return sentence(`${label} is not a valid ${issue.format}`);
    default:
      return sentence(`${label} is not valid`);
  }
}
