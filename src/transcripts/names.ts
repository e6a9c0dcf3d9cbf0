/**
 * The names a transcript gives people, found the way a reader finds them: a header naming whose notes
 * these are, a title naming the interview, someone greeted by name, someone introducing themselves.
 */

/** A first name as people write it: a capital, then letters ("Corinne", "O'Neil", "Jean-Luc"). */
const WORD = String.raw`\p{Lu}[\p{L}'’-]+`;
const FULL_NAME = String.raw`${WORD}(?:\s+${WORD}){0,2}`;
const IS_NAME = new RegExp(`^${WORD}$`, 'u');

/** Capitalised words that follow a greeting without being anyone's name ("Hi there", "Thanks everyone"). */
const NOT_NAMES = new Set(
  "there everyone everybody all both team guys folks again so and for you very much sir madam mate okay ok yes no well then now i i'm i've i'd i'll it's the this that good great can".split(' '),
);

/** Greetings and thanks that take the name of the one spoken to: "Hey, Corinne", "Nice to meet you, Lena". */
const ADDRESS = new RegExp(
  String.raw`\b(?:hi|hey|hello|morning|good morning|good afternoon|welcome|thanks|thank you|cheers|bye|goodbye|(?:nice|lovely|great|good|a pleasure) to (?:meet|see|speak to|talk to) you(?: too)?|is (?:that|this)|am i (?:speaking|talking) (?:to|with))(?: so much| again| very much)?,?\s+([\p{L}'’-]+)`,
  'giu',
);
/** A name called out first: "Kaito, hi, come in." */
const NAME_THEN_GREETING = new RegExp(String.raw`^(${WORD}),\s*(?:hi|hello|hey|welcome|come in|thanks)\b`, 'iu');
/** "I'm Graham", "My name is Lena", "This is Peter" (introducing oneself, or a colleague). */
const INTRODUCTION = new RegExp(String.raw`\b(i'm|i am|my name is|this is)\s+([\p{L}'’-]+)`, 'giu');
/** What an interviewer says about their job when introducing themselves or a colleague. */
const INTERVIEWER_ROLE =
  /^[^.?!]{0,60}?\b(?:manager|lead|head of|director|recruiter|recruitment|talent|hiring|interviewer|interviewing|educator|supervisor|founder|owner|here at|i (?:manage|lead|run|look after) (?:the|our))\b/i;
/** An introduction names the speaker only when the name ends the phrase: "I'm Lena." but not "I'm British and…". */
const NAME_ENDS_PHRASE = /^\s*(?:[,.!;:—–-]|$)/;

/** A name a speaker says to someone else, and whether it was said in a question ("Is that Priyanka?"). */
export interface AddressedName {
  name: string;
  /** The words that show it, for explaining the choice. */
  quote: string;
}

/** A name someone introduces: their own ("I'm Lena"), or a colleague's ("this is Peter, our educator"). */
export interface IntroducedName {
  name: string;
  /** `true` for "this is Peter": a colleague introduced by the speaker, not the speaker. */
  colleague: boolean;
  /** Whether the introduction states an interviewer's job ("I'm Greta, the pharmacy manager"). */
  interviewerRole: boolean;
  quote: string;
}

function isFirstName(word: string): boolean {
  return IS_NAME.test(word) && !NOT_NAMES.has(word.toLowerCase());
}

/** The names a piece of speech addresses: "Hi Tomasz", "Hey, Corinne?", "Thanks, Nadia", "Kaito, hi". */
export function addressedNames(text: string): AddressedName[] {
  const found: AddressedName[] = [];
  const address = new RegExp(ADDRESS.source, ADDRESS.flags);
  let match: RegExpExecArray | null;
  while ((match = address.exec(text)) !== null) {
    const name = match[1] ?? '';
    if (isFirstName(name)) found.push({ name, quote: match[0] });
    // "Hi, is that Priyanka?": when the word after a greeting is no name, look again from the next word.
    else address.lastIndex = match.index + 1;
  }
  const first = NAME_THEN_GREETING.exec(text.trim());
  if (first?.[1] && isFirstName(first[1])) found.push({ name: first[1], quote: first[0] });
  return found;
}

/** The names a piece of speech introduces: "I'm Graham, I manage the support team", "this is Peter". */
export function introducedNames(text: string): IntroducedName[] {
  const found: IntroducedName[] = [];
  for (const match of text.matchAll(INTRODUCTION)) {
    const name = match[2] ?? '';
    if (!isFirstName(name)) continue;
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (!NAME_ENDS_PHRASE.test(after) && !/^my name is$/i.test(match[1] ?? '')) continue;
    found.push({ name, colleague: /^this is$/i.test(match[1] ?? ''), interviewerRole: INTERVIEWER_ROLE.test(after), quote: match[0] });
  }
  return found;
}

/** Whose notes these are: "Lena Marsh – interview notes", "My notes (Ravi Kulkarni)", "Ravi's notes". */
const NOTES = String.raw`(?:[Mm]y\s+)?(?:[Ii]nterview\s+)?[Nn]otes`;
const WRITER = [
  new RegExp(String.raw`^(?:#+\s*)?${NOTES}\s*[(:–—-]\s*(${FULL_NAME})\)?`, 'u'),
  new RegExp(String.raw`^(?:#+\s*)?(${FULL_NAME})\s*[–—:-]\s*${NOTES}\b`, 'u'),
  new RegExp(String.raw`^(?:#+\s*)?(${FULL_NAME})['’]s\s+${NOTES}\b`, 'u'),
];
/** Which interview this is: "Staff nurse interview: Ifeoma Bassey (…)", "Kaito Brennan - sous chef interview". */
const TITLE = [
  new RegExp(String.raw`\b[Ii]nterview\s*[–—:-]\s*(${FULL_NAME})`, 'u'),
  new RegExp(String.raw`^(?:#+\s*)?(${FULL_NAME})\s*[–—:-][^\n]*\b[Ii]nterview\b`, 'u'),
];

/** A name in the lines above the transcript: the notes' writer (the candidate), or a name in the title. */
export interface HeaderName {
  name: string;
  /** `writer` when the header says whose notes these are; `title` when it only names the interview. */
  kind: 'writer' | 'title';
  line: string;
}

/** The first name the header lines give, as writer or title. */
export function headerName(lines: readonly string[]): HeaderName | null {
  for (const kind of ['writer', 'title'] as const) {
    for (const raw of lines) {
      const line = raw.trim();
      for (const pattern of kind === 'writer' ? WRITER : TITLE) {
        const name = pattern.exec(line)?.[1]?.trim();
        if (name && isFirstName(name.split(/\s+/)[0] ?? '')) return { name, kind, line };
      }
    }
  }
  return null;
}

/** Whether a speaker label and a name are the same person: equal, or the same first name ("Lena" and "Lena Park"). */
export function sameName(label: string, name: string): boolean {
  const first = (text: string) => text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return label.trim().toLowerCase() === name.trim().toLowerCase() || first(label) === first(name);
}
