/**
 * Question detection for spoken interviews, where punctuation is often missing: a sentence is a question
 * when it ends with "?", opens with a prompt such as "Tell me about…" or "Walk me through…", or (as the
 * last sentence of a turn, unpunctuated) opens with an interrogative word or ends in one ("…how are you
 * doing").
 */

/** Words people say before the question itself: "So, um, tell me…". */
const LEAD_IN = /^(?:(?:so|and|okay|ok|alright|all right|great|cool|well|now|um+|uh+|right|perfect|awesome|thanks|thank you|yeah|next|sorry|wait|oh|ah|mm+-?hm+|hmm+)[,.!]?\s+)+/i;
const PROMPT = /^(?:tell (?:me|us)|walk (?:me|us) through|talk (?:me|us) through|take (?:me|us) through|describe|give (?:me|us)|share with (?:me|us)|explain|talk about|i'?d (?:love|like) to (?:hear|know)|let'?s hear|i'?m curious)\b/i;
const INTERROGATIVE = /^(?:what|what's|why|how|when|where|who|which|do|does|did|can|could|would|will|have|has|are|is|were|was)\b/i;

/**
 * Where a question starts inside unpunctuated speech ("hi thanks for coming in how are you doing"): an
 * interrogative followed by the words that make it a question, so "what we can" does not count.
 */
const EMBEDDED_QUESTION =
  /\b(?:how (?:are|is|was|were|do|did|would|could|about|long|many|much)|what (?:are|is|was|were|do|did|would|made|makes|drew|interests|brings)|why (?:are|do|did|would|is|should)|(?:do|did|can|could|would|have|are|were) you|tell (?:me|us)|walk (?:me|us) through)\b/i;

/** The closing question, after which the candidate's own questions belong to the closing answer. */
const CLOSING = /\b(?:any questions for (?:me|us)|anything else (?:we|i) should know|questions (?:do you have )?for (?:me|us)|what questions do you have|anything (?:else )?(?:that )?you(?:'d| would) like to ask|anything you want to ask)\b|\b(?:do you have|have you got|you got) any (?:other |more |final |last )?questions\s*\??$|^(?:\W*\w+[,.!]?\s+)?any (?:other |more |final |last )?questions\s*\??$/i;

/** Questions that start a new topic even when short, so are never follow-ups. */
const NEW_TOPIC =
  /\b(?:about yourself|introduce yourself|a time (?:when|where|that|you)|(?:walk|talk|take) (?:me|us) through your|describe a (?:time|situation)|give (?:me|us) an example|why (?:do you want|are you interested|this|our|us|here)|what do you know about|where do you (?:see yourself|want to be)|how are you|how's your|what do you (?:like to |enjoy )?(?:do|doing) (?:for fun|outside|in your (?:free|spare) time)|in your (?:free|spare) time|what (?:interests|drew|draws|attracted|attracts|brought|brings) you|what (?:made|makes) you (?:apply|want|choose|decide|interested)|what (?:can|could|would|will) you bring|what motivates you|what would your (?:friends|family|colleagues|manager|boss|team) say|what are you (?:most )?proud(?:est)? of|why should we|why did you (?:leave|decide|choose|apply)|what are your (?:strengths|weaknesses|salary)|greatest (?:strength|weakness|accomplishment|achievement)|what would you do if|how do you (?:handle|deal with|prioriti[sz]e))\b/i;
/** How follow-ups usually start: asking for more of the story just told. */
const FOLLOW_UP_START =
  /^(?:and|then|what happened|what did (?:you|the|they|he|she|your|people|everyone)|how did (?:you|the|they|he|she|your|people|everyone)|why did you|what was the|what were the|did you|was that|was it|were they|how did (?:that|it)|what would you do differently|can you say more|could you (?:say|tell me) more|could you elaborate|tell me more|what about|how long|how many|how much|looking back|personally|in hindsight|can you think of|do you mean)\b/i;
/** "Why Brightloop?", "Why this role?": the motivation question, however short. */
const WHY_COMPANY = /^why (?:\p{Lu}[\p{L}\p{N}&.'-]*(?: \p{Lu}[\p{L}\p{N}&.'-]*)*|(?:this|the) (?:company|role|job|position|team))\s*\??$/u;
const ANAPHOR = /\b(?:that|it|this|they|them|those|then|one)\b/i;
/** "This job", "that role": the job applied for, named, not a word pointing back at the story. */
const THE_JOB = /\b(?:this|that) (?:job|role|position|post|vacancy|company|organi[sz]ation|team|place|field|career|industry|sector|opportunity)\b/gi;
/** "Sorry, was the dentist with you?": a short question that checks what was just said, in the middle of it. */
const CLARIFYING_START = /^(?:sorry|wait|hang on|just to (?:check|clarify|be clear)|so just to (?:check|clarify))\b/i;
/** Follow-ups are short; a longer question is a new one. */
const MAX_FOLLOW_UP_WORDS = 15;
const MAX_ANAPHORIC_FOLLOW_UP_WORDS = 7;

/** A sentence of a turn, with its offsets in the turn's text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Splits spoken text at ".", "?", "!" or "…" followed by a space, as the labelling guide does. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /[.?!…]+(?=\s|$)/g;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text)) !== null) {
    const end = match.index + match[0].length;
    pushTrimmed(text, start, end, sentences);
    start = end;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, start: number, end: number, into: Sentence[]): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) into.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
}

function core(sentence: string): string {
  return sentence.trim().replace(LEAD_IN, '');
}

/**
 * A question without the spoken lead-in before it ("And why Brightloop?" → "Why Brightloop?"), for
 * judging it; the words as asked are kept for quoting.
 */
export function withoutLeadIn(question: string): string {
  const body = core(question);
  if (body === '') return question.trim();
  return body.charAt(0).toUpperCase() + body.slice(1);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Whether one sentence asks something; `isLast` allows an interrogative without its "?". */
export function isQuestionSentence(sentence: string, isLast = false): boolean {
  const text = sentence.trim();
  if (text.endsWith('?')) return true;
  const body = core(text);
  // A prompt may follow a lead-in clause: "So to kick things off, tell me a bit about yourself."
  const clauses = [body, ...body.split(/,\s+/).slice(1).map(core)];
  if (clauses.some((clause) => PROMPT.test(clause))) return true;
  return isLast && !/[.!…]$/.test(text) && INTERROGATIVE.test(body) && words(body) >= 3;
}

/**
 * The question a turn asks, or `null` for a remark or an explanation: the last question sentence, with
 * the question sentences right before it ("Tell me about a time you disagreed. How did it go?").
 */
export function extractQuestion(turnText: string): { text: string; start: number; end: number } | null {
  const sentences = splitSentences(turnText);
  let last = -1;
  sentences.forEach((sentence, index) => {
    if (isQuestionSentence(sentence.text, index === sentences.length - 1)) last = index;
  });
  if (last === -1) return embeddedQuestion(turnText, sentences[sentences.length - 1]);
  let first = last;
  while (first > 0 && isQuestionSentence(sentences[first - 1]?.text ?? '')) first--;
  const start = sentences[first]?.start ?? 0;
  const end = sentences[last]?.end ?? turnText.length;
  return { text: turnText.slice(start, end), start, end };
}

/** A question at the end of a last sentence without punctuation, from its interrogative to the end. */
function embeddedQuestion(turnText: string, sentence: Sentence | undefined): { text: string; start: number; end: number } | null {
  if (!sentence || /[.?!…]$/.test(sentence.text)) return null;
  const match = EMBEDDED_QUESTION.exec(sentence.text);
  if (!match) return null;
  const start = sentence.start + match.index;
  return { text: turnText.slice(start, sentence.end), start, end: sentence.end };
}

/**
 * Checks of the call and greetings asked as questions ("Can you hear me okay?", "Is that Priyanka?",
 * "Hey, Mireille?"): small talk that asks nothing of the candidate, unlike the guide's openers
 * ("How was the drive in?"), which are part of the interview.
 */
const CALL_CHECK =
  /\b(?:can (?:you|everyone) (?:hear|see) (?:me|us|my screen)|(?:hear|see) (?:me|us) (?:ok(?:ay)?|all right|alright|fine|well)|is (?:the|my|your) (?:sound|audio|video|mic|microphone|camera|connection) (?:ok(?:ay)?|all right|alright|working|fine)|is (?:now|this) still a good time|(?:is|are) (?:that|this|it|we) (?:still )?recording|(?:am i|are you) (?:still )?(?:on mute|muted))\b|\b(?:(?:are you )?ready to (?:start|begin|get started)|shall we (?:start|begin|get started))\s*\??$/i;
/** "Hey, Mireille?", "Is that Priyanka?": a greeting or a check of who joined, then a name. */
const GREETING_QUESTION = /^((?:hi|hey|hello|morning|good morning|good afternoon)[,!]?\s+)?((?:is (?:that|this)|am i (?:speaking|talking) (?:to|with))\s+)?(.+?)\s*\?$/i;
const NAME = /^\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?$/u;

function isGreetingQuestion(sentence: string): boolean {
  const match = GREETING_QUESTION.exec(sentence.trim());
  return match !== null && (match[1] !== undefined || match[2] !== undefined) && NAME.test(match[3] ?? '');
}

/** Whether a question only checks the call or greets someone, so no answer to it is judged. */
export function isSmallTalk(question: string): boolean {
  const sentences = splitSentences(question);
  const chat = (text: string) => CALL_CHECK.test(text) || isGreetingQuestion(text);
  return sentences.some((sentence) => chat(sentence.text)) && sentences.every((sentence) => chat(sentence.text) || !isQuestionSentence(sentence.text));
}

/** Whether a question is the interview's closing "Do you have any questions for me?". */
export function isClosingQuestion(question: string): boolean {
  return CLOSING.test(question);
}

/** A follow-up comes in a short turn; a long turn that ends in a question is moving on. */
const MAX_FOLLOW_UP_TURN_WORDS = 25;

/**
 * Whether a question digs into the answer just given rather than starting a new topic; `turnText` is
 * the interviewer's whole turn, which for a follow-up is short.
 */
export function isFollowUpQuestion(question: string, turnText: string = question): boolean {
  if (NEW_TOPIC.test(question) || isClosingQuestion(question)) return false;
  if (words(turnText) > MAX_FOLLOW_UP_TURN_WORDS) return false;
  const body = core(question);
  if (WHY_COMPANY.test(body)) return false;
  const count = words(body);
  const opensAsFollowUp = FOLLOW_UP_START.test(question.trim()) || FOLLOW_UP_START.test(body) || CLARIFYING_START.test(question.trim());
  if (count <= MAX_FOLLOW_UP_WORDS && opensAsFollowUp) return true;
  return count <= MAX_ANAPHORIC_FOLLOW_UP_WORDS && ANAPHOR.test(body.replace(THE_JOB, ''));
}
