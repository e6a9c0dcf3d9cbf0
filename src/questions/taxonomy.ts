/**
 * The tags of the question bank: the competencies interviewers probe with behavioral questions, the
 * fields a question suits, and which competencies each field's interviewers tend to probe.
 */

/** What a behavioral question probes. Each has at least six questions in the bank. */
export const COMPETENCIES = [
  'leadership',
  'conflict',
  'failure',
  'teamwork',
  'initiative',
  'customer',
  'pressure',
  'problem-solving',
  'communication',
  'adaptability',
  'ownership',
  'influence',
  'learning',
  'prioritisation',
  'ethics',
  'data',
] as const;
/** One of {@link COMPETENCIES}. */
export type Competency = (typeof COMPETENCIES)[number];

/** The fields a question suits; `any` for a question that fits every field. */
export const FIELDS = [
  'any',
  'software',
  'healthcare',
  'retail',
  'hospitality',
  'teaching',
  'sales',
  'marketing',
  'finance',
  'logistics',
  'engineering',
  'support',
  'data',
  'design',
  'public-sector',
] as const;
/** One of {@link FIELDS}. */
export type Field = (typeof FIELDS)[number];

/**
 * The competencies a plan favours for each field when the candidate names none: our judgement of what
 * interviewers in each field probe most, kept as data so it can be tuned. `any` favours none.
 */
export const FIELD_COMPETENCIES: Readonly<Record<Field, readonly Competency[]>> = {
  any: [],
  software: ['problem-solving', 'ownership', 'teamwork', 'pressure', 'learning', 'influence'],
  healthcare: ['pressure', 'customer', 'teamwork', 'ethics', 'communication', 'prioritisation'],
  retail: ['customer', 'teamwork', 'pressure', 'initiative', 'data'],
  hospitality: ['customer', 'pressure', 'teamwork', 'adaptability', 'initiative'],
  teaching: ['communication', 'adaptability', 'leadership', 'conflict', 'learning'],
  sales: ['influence', 'customer', 'failure', 'data', 'ownership'],
  marketing: ['data', 'influence', 'communication', 'initiative', 'failure'],
  finance: ['data', 'ethics', 'prioritisation', 'communication', 'problem-solving'],
  logistics: ['problem-solving', 'pressure', 'prioritisation', 'teamwork', 'ethics'],
  engineering: ['problem-solving', 'ethics', 'teamwork', 'ownership', 'pressure'],
  support: ['customer', 'communication', 'pressure', 'ownership', 'problem-solving'],
  data: ['data', 'problem-solving', 'communication', 'influence', 'learning'],
  design: ['communication', 'influence', 'customer', 'conflict', 'adaptability'],
  'public-sector': ['ethics', 'customer', 'communication', 'adaptability', 'teamwork'],
};

/**
 * Words in a role's title that give away its field, checked in this order so that the more specific
 * title wins ("software engineer" before "engineer", "sales assistant" before "sales").
 */
const ROLE_FIELD_HINTS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['software', /\b(software|developer|programmer|front-?end|back-?end|full-?stack|devops|sre|web|mobile|product manager)\b/],
  ['healthcare', /\b(nurse|nursing|doctor|physician|clinical|clinician|care assistant|carer|midwife|paramedic|pharmacist|therapist|medical|dental)\b/],
  ['teaching', /\b(teacher|teaching|tutor|lecturer|instructor|educator|classroom|school)\b/],
  ['retail', /\b(retail|cashier|store|shop|sales assistant|merchandiser|stock)\b/],
  ['hospitality', /\b(hospitality|chef|cook|waiter|waitress|barista|bartender|hotel|restaurant|housekeep\w*|front of house)\b/],
  ['finance', /\b(finance|financial|accountant|accounting|auditor|bookkeeper|payroll|treasury|bank\w*)\b/],
  ['data', /\b(data|analyst|analytics|statistician|scientist|machine learning|bi)\b/],
  ['marketing', /\b(marketing|marketer|seo|content|brand|social media|growth|copywriter)\b/],
  ['sales', /\b(sales|account executive|account manager|business development|bdr|sdr)\b/],
  ['logistics', /\b(logistics|warehouse|driver|courier|dispatcher|supply chain|picker|packer|forklift|fulfilment)\b/],
  ['support', /\b(support|help ?desk|service desk|customer service|customer success|call cent(?:re|er))\b/],
  ['design', /\b(designer|design|ux|ui|illustrator|researcher)\b/],
  ['public-sector', /\b(civil servant|council|government|public sector|policy officer|caseworker|local authority)\b/],
  ['engineering', /\b(engineer|engineering|mechanical|electrical|civil|technician|maintenance)\b/],
];

/** The field a role's title points to, or `undefined` when nothing in it does. */
export function fieldForRole(role: string): Field | undefined {
  const title = role.toLowerCase();
  return ROLE_FIELD_HINTS.find(([, pattern]) => pattern.test(title))?.[0];
}
