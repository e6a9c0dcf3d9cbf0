import { REASONS, UNCERTAIN_BELOW, type AnalyzeInput, type Finding, type QuestionType, type Reason, type ReasonReport, type Report, type Strength } from './types.js';
import { StarlError } from './errors.js';
import { classifyQuestion } from './question-type/classify.js';
import { readDocument, type Document } from './text/document.js';
import { labelStar, type StarLabelling } from './star/label.js';
import { readSignals, type Signals } from './signals.js';
import { APPLIES_TO, storyFacts, judgeMemorable, judgeOpportunity, judgeSpecificReason, judgeStarl, toScore, type Facts, type Judgement } from './judge.js';
import { runRules } from './engine.js';
import { RULES } from './rules/index.js';
import { checkAnswer, checkQuestion } from './validate.js';
import { chooseFollowUp } from './follow-up.js';
import { SHIPPED_MODELS, type Models } from './model/models.js';
import type { StoryFacts } from './facts.js';
import { sigmoid } from './model/linear.js';

const JUDGES: Record<Reason, (facts: Facts) => Judgement> = {
  opportunity: judgeOpportunity,
  memorable: judgeMemorable,
  specificReason: judgeSpecificReason,
  starl: judgeStarl,
};

/**
 * Judges one interview answer on the four reasons (opportunity, memorable, specific reason, STAR(L)),
 * with the evidence in the candidate's own words. Pure and synchronous: the same code runs in the browser.
 * Throws a `StarlError` for input it cannot judge (empty, too long, binary, not English).
 * @example
 * const report = analyze({ question: 'How are you?', answer: 'Fine, you?' });
 * report.reasons.opportunity.verdict; // 'miss'
 */
export function analyze(input: AnalyzeInput): Report {
  return analyzeWith(SHIPPED_MODELS, input);
}

/** `analyze` with other fitted models: how evaluation judges each held-out fold with models that never saw it. */
export function analyzeWith(models: Models, input: AnalyzeInput): Report {
  if (input === null || typeof input !== 'object') throw new StarlError('E_INPUT_BAD_FIELD', 'analyze takes an object with a question and an answer');
  const question = checkQuestion(input.question);
  const answer = checkAnswer(input.answer);
  if (input.context !== undefined && input.context !== null && typeof input.context !== 'string') {
    throw new StarlError('E_INPUT_BAD_FIELD', 'the context must be text or null', { field: 'context' });
  }
  const guess = classifyQuestion(question, answer);
  const doc = readDocument(answer);
  // The fields the analysis reads, named one by one: `{ ...input, question, answer }` costs microseconds in Node 20.
  return judge(models, { question, answer, context: input.context, company: input.company }, doc, guess.type, guess.confidence);
}

function judge(models: Models, input: AnalyzeInput, doc: Document, questionType: QuestionType, questionTypeConfidence: number): Report {
  const star: StarLabelling | null = questionType === 'behavioral' ? labelStar(doc, models.star, input.question) : null;
  const signals = readSignals(doc, input, questionType);
  const facts: Facts = { doc, signals, questionType, star, story: star ? storyFacts(doc, star) : null, models };
  const judgements: Partial<Record<Reason, Judgement>> = {};
  for (const reason of REASONS) if (APPLIES_TO[reason].includes(questionType)) judgements[reason] = JUDGES[reason](facts);
  const findings = runRules(RULES, { input, doc, signals, questionType, star, judgements });
  const strengths = findStrengths(signals, star, judgements.starl?.story, doc, questionType);
  const reasons = Object.fromEntries(
    REASONS.map((reason) => [reason, reasonReport(reason, judgements[reason], findings, strengths, questionTypeConfidence, models)]),
  ) as Record<Reason, ReasonReport>;
  return {
    questionType,
    questionTypeConfidence,
    reasons,
    sentences: doc.sentences.map((s, i) => ({
      start: s.start,
      end: s.end,
      text: s.text,
      ...(star ? { star: star.labels[i]!, confidence: star.confidences[i]! } : {}),
    })),
    balance: facts.story?.balance ?? null,
    findings,
    strengths,
    context: input.context?.trim()
      ? { terms: signals.contextUsed.concat(signals.contextUnused).map((t) => t.text), used: signals.contextUsed.map((t) => t.text), couldUse: signals.contextUnused.map((t) => t.text) }
      : null,
    followUp: chooseFollowUp(questionType, reasons, facts.story ?? undefined),
    words: doc.words,
  };
}

function reasonReport(
  reason: Reason,
  judgement: Judgement | undefined,
  findings: Finding[],
  strengths: Strength[],
  typeConfidence: number,
  models: Models,
): ReasonReport {
  if (!judgement) return { verdict: 'n/a', score: null, confidence: 1, uncertain: false, summary: 'Does not apply to this type of question.', findings: [], strengths: [] };
  const verdict = judgement.z >= 0 ? 'pass' : 'miss';
  const confidence = Math.round(verdictConfidence(reason, verdict, judgement.z, models) * Math.min(1, typeConfidence + 0.1) * 100) / 100;
  const own = findings.filter((f) => f.reason === reason && (verdict === 'miss' || f.severity !== 'error'));
  return { verdict, score: toScore(judgement.z), confidence, uncertain: confidence < UNCERTAIN_BELOW, summary: judgement.summary, findings: own, strengths: strengths.filter((s) => s.reason === reason) };
}

function findStrengths(signals: Signals, star: StarLabelling | null, story: StoryFacts | undefined, doc: Document, type: QuestionType): Strength[] {
  const strengths: Strength[] = [];
  const add = (kind: Strength['kind'], reason: Reason, span: { start: number; end: number }): void => {
    strengths.push({ kind, reason, span: { start: span.start, end: span.end }, actual: doc.text.slice(span.start, span.end) });
  };
  if (APPLIES_TO.memorable.includes(type)) {
    for (const d of signals.drivers) {
      if (d.kind === 'scaleNumber') continue;
      add(d.kind === 'measuredOutcome' || d.kind === 'outcomeNumber' ? (d.kind === 'measuredOutcome' ? 'outcome' : 'number') : d.kind === 'name' ? 'name' : 'detail', 'memorable', d);
    }
  }
  if (type === 'opener') signals.warmth.forEach((m) => add('warmth', 'opportunity', m));
  if (type === 'closing') signals.asked.filter((q) => !q.logistics).forEach((q) => add('genuineQuestion', 'opportunity', q));
  if (type === 'motivation') {
    signals.specifics.forEach((m) => add('companyTerm', 'specificReason', m));
    signals.personalTies.forEach((m) => add('personalTie', 'specificReason', m));
  }
  if (star && story) {
    // Strengths show only what the verdict counted, so a highlighted result never sits beside "no result".
    doc.sentences.forEach((s, i) => {
      if (story.ownAction && star.labels[i] === 'A' && star.cues[i]!.ownAction) add('ownAction', 'starl', s);
      if (star.labels[i] === 'R' && story.results.includes(i)) add('outcome', 'starl', s);
      if (star.labels[i] === 'L') add('learning', 'starl', s);
    });
  }
  return strengths.sort((a, b) => a.span.start - b.span.start);
}

/**
 * How likely the verdict is right: the calibrated probability of a pass (fitted on held-out verdicts by
 * `npm run fit`) for a pass, its complement for a miss. A verdict never claims less than even odds.
 */
function verdictConfidence(reason: Reason, verdict: 'pass' | 'miss', z: number, models: Models): number {
  const calibration = models.calibration[reason];
  const pass = calibration ? sigmoid(calibration.scale * z + calibration.shift) : sigmoid(z);
  return Math.max(0.5, verdict === 'pass' ? pass : 1 - pass);
}
