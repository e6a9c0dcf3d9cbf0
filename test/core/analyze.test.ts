import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, MAX_ANSWER_LENGTH, REASONS, StarlError } from '../../src/index.js';

const story = {
  question: 'Tell me about a time you fixed a process.',
  answer:
    "At my last job our month-end close took eight days because every invoice was matched by hand. I was asked to bring it under five. I built a matching script in Excel that paired invoices to orders by reference and amount, and I trained the two AP clerks to review only the exceptions. The close came down to four days within two months, and the auditors had no findings on payables. I learned to automate the boring part first.",
};

describe('analyze', () => {
  it('judges a strong behavioral story as a pass on every reason that applies', () => {
    const report = analyze(story);
    expect(report.questionType).toBe('behavioral');
    expect(report.reasons.opportunity.verdict).toBe('pass');
    expect(report.reasons.memorable.verdict).toBe('pass');
    expect(report.reasons.starl.verdict).toBe('pass');
    expect(report.reasons.specificReason.verdict).toBe('n/a');
    expect(report.sentences.map((s) => s.star)).toEqual(['S', 'T', 'A', 'R', 'L']);
    expect(report.balance!.situationTaskShare).toBeLessThanOrEqual(0.5);
    expect(report.balance!.actionIsLargest).toBe(true);
  });

  it('misses opportunity on a minimal opener reply and points at the words', () => {
    const report = analyze({ question: 'How are you?', answer: 'Fine, you?' });
    expect(report.questionType).toBe('opener');
    expect(report.reasons.opportunity.verdict).toBe('miss');
    const finding = report.findings.find((f) => f.ruleId === 'no-minimal-answer')!;
    expect(finding.actual).toBe('Fine, you');
    expect(finding.suggestions[0]!.text).toMatch(/detail/);
    expect(report.followUp).not.toBeNull();
  });

  it('passes a warm opener', () => {
    const report = analyze({ question: 'How was the drive in?', answer: "Really easy, thanks, and I've been looking forward to this all week." });
    expect(report.reasons.opportunity.verdict).toBe('pass');
  });

  it('asks "What did you do, personally?" when a story has only "we"', () => {
    const report = analyze({
      question: 'Describe a time your team hit a tough deadline.',
      answer:
        'Last spring our team had three weeks to move the shop onto a new till system. We split the work, we ran the training sessions on Sundays and we tested every till the night before. We went live on time and the first week had no refunds stuck.',
    });
    expect(report.reasons.starl.verdict).toBe('miss');
    expect(report.findings.some((f) => f.ruleId === 'require-own-action')).toBe(true);
    expect(report.followUp).toBe('What did you do, personally?');
  });

  it('treats a hypothetical answer to a story question as no story', () => {
    const report = analyze({
      question: 'Tell me about a time you handled an angry customer.',
      answer: "I haven't had that yet. I would listen first, then I would apologise and I would offer a refund if it was our fault.",
    });
    expect(report.reasons.starl.verdict).toBe('miss');
    expect(report.reasons.starl.findings[0]!.ruleId).toBe('require-story');
  });

  it('uses the posting: names the terms the answer used and the strong ones it left out', () => {
    const context = 'Fernleaf Books runs a Saturday reading club in every branch. The Bookseller role includes organising author events.';
    const specific = analyze({
      question: 'Why do you want to work here?',
      context,
      answer: 'Mostly the Saturday reading club: I ran a story-time at my current shop and it grew from three families to thirty, and I would love to do that as part of the job.',
    });
    expect(specific.reasons.specificReason.verdict).toBe('pass');
    expect(specific.context!.used.some((t) => /reading club/i.test(t))).toBe(true);
    const generic = analyze({ question: 'Why do you want to work here?', context, answer: 'It seems like a great company with a good culture, and I am looking for growth opportunities.' });
    expect(generic.reasons.specificReason.verdict).toBe('miss');
    expect(generic.context!.couldUse.length).toBeGreaterThan(0);
    expect(generic.followUp).toBe('What drew you to us in particular?');
  });

  it('counts a name written in a brand\'s case ("xCover") as a distinguishing detail', () => {
    const report = analyze({ question: 'Tell me about a project you are proud of.', answer: 'I was the project manager on the xCover ad campaign, and it sold very well.' });
    expect(report.reasons.memorable.strengths.filter((s) => s.kind === 'name').map((s) => s.actual)).toEqual(['xCover']);
  });

  it('scores are on a 0-100 scale that agrees with the verdict', () => {
    const report = analyze(story);
    for (const reason of REASONS) {
      const r = report.reasons[reason];
      if (r.verdict === 'n/a') expect(r.score).toBeNull();
      else expect(r.verdict === 'pass' ? r.score! >= 50 : r.score! < 50).toBe(true);
    }
  });
});

describe('analyze gives the same report for the same answer, whatever it read before', () => {
  // The tokenizer learns words as it reads: "master's" met before a full stop would stay whole (and be
  // read as a name) in every later answer. Each report must be what a fresh process would give.
  it('reads a word the same way after another answer used it differently', () => {
    const question = 'Tell me about a project you are proud of.';
    const answer = "My master's was on earthworm counts under different tillage, so I've done a lot of muddy field sampling.";
    const first = JSON.stringify(analyze({ question, answer }));
    analyze({ question, answer: "Yeah, okay, so this is from my master's. So my project was on air quality near schools." });
    expect(JSON.stringify(analyze({ question, answer }))).toBe(first);
  });
});

describe('analyze refuses input it cannot judge honestly', () => {
  const cases: [string, unknown, string][] = [
    ['an empty answer', { question: 'How are you?', answer: '' }, 'E_INPUT_EMPTY_ANSWER'],
    ['a whitespace answer', { question: 'How are you?', answer: ' \n\t ' }, 'E_INPUT_EMPTY_ANSWER'],
    ['a question with no answer', { question: 'How are you?' }, 'E_INPUT_BAD_FIELD'],
    ['an empty question', { question: ' ', answer: 'Fine.' }, 'E_INPUT_EMPTY_QUESTION'],
    ['a 1 MB answer', { question: 'Tell me about yourself.', answer: 'word '.repeat(200_000) }, 'E_INPUT_TOO_LONG'],
    ['binary garbage', { question: 'Tell me about yourself.', answer: 'PK\u0003\u0004\u0000\u0000garbage' }, 'E_INPUT_BINARY'],
    ['a control character', { question: 'Tell me about yourself.', answer: 'I am a nurse\u0007 on a ward.' }, 'E_INPUT_BINARY'],
    ['only emoji', { question: 'How are you?', answer: '🙂🙂 👍' }, 'E_INPUT_NO_WORDS'],
    ['French', { question: 'Parlez-moi de vous.', answer: "Je suis ingénieure depuis six ans et j'ai travaillé dans une banque à Lyon avant de rejoindre une start-up." }, 'E_INPUT_NOT_ENGLISH'],
    ['Japanese', { question: 'Tell me about yourself.', answer: '私は東京でソフトウェアエンジニアとして五年間働いています。' }, 'E_INPUT_NOT_ENGLISH'],
  ];
  for (const [name, input, code] of cases) {
    it(`refuses ${name} with ${code}`, () => {
      let error: unknown;
      try {
        analyze(input as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StarlError);
      expect((error as StarlError).code).toBe(code);
      expect((error as StarlError).message.length).toBeGreaterThan(5);
    });
  }

  it('documents its limit and accepts an answer just under it', () => {
    const answer = `I led the move to a new warehouse system. `.repeat(Math.floor((MAX_ANSWER_LENGTH - 10) / 42));
    expect(() => analyze({ question: 'Tell me about yourself.', answer })).not.toThrow();
  });

  it('judges an answer with emoji in it', () => {
    const report = analyze({ question: 'How are you?', answer: "Great, thanks! 😊 Really excited to be here and to hear more about the team." });
    expect(report.reasons.opportunity.verdict).toBe('pass');
  });
});

describe('properties over any text', () => {
  const words = fc.constantFrom('I', 'we', 'led', 'the', 'team', 'and', 'so', 'um,', 'result', '40%', 'Acme', 'then', 'learned', 'because', "I'd", 'would');
  const sentence = fc.array(words, { minLength: 1, maxLength: 18 }).map((w) => w.join(' '));
  const answer = fc
    .tuple(fc.array(fc.tuple(sentence, fc.constantFrom('. ', '? ', '! ', '\n', ', ', '… ', '.  ')), { minLength: 1, maxLength: 10 }), fc.constantFrom('', ' ', '\n'))
    .map(([parts, tail]) => parts.map(([s, end]) => s + end).join('') + tail);

  it('keeps every span inside the answer and every sentence in order, covering every word', () => {
    fc.assert(
      fc.property(answer, fc.constantFrom('Tell me about a time you led a team.', 'Why do you want to work here?', 'How are you?'), (text, question) => {
        let report;
        try {
          report = analyze({ question, answer: text });
        } catch (error) {
          // Refusing is allowed (a few random words may not look like English); crashing is not.
          expect(error).toBeInstanceOf(StarlError);
          return;
        }
        const inside = (s: { start: number; end: number }): boolean => s.start >= 0 && s.end <= text.length && s.start <= s.end;
        for (const f of report.findings) {
          expect(inside(f.span)).toBe(true);
          expect(f.actual).toBe(text.slice(f.span.start, f.span.end));
          f.evidence.forEach((e) => expect(inside(e)).toBe(true));
        }
        report.strengths.forEach((s) => expect(inside(s.span)).toBe(true));
        let previous = 0;
        for (const s of report.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(previous);
          expect(text.slice(previous, s.start).trim()).toBe('');
          expect(s.text).toBe(text.slice(s.start, s.end));
          previous = s.end;
        }
        expect(text.slice(previous).trim()).toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
