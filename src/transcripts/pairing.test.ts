import { describe, expect, test } from 'vitest';
import { readInterview } from './interview.js';

/** An interview as notes with `Name: text` lines; Ivy asks, Cal answers. */
function notes(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function pairsOf(text: string): { question: string; followUps: string[]; answer: string }[] {
  return readInterview(text).pairs.map(({ question, followUps, answer }) => ({ question, followUps, answer }));
}

/** Subtitles without names: one cue per line, as a recording's captions are. */
function subRip(...lines: string[]): string {
  return lines.map((line, index) => `${index + 1}\n00:00:${String(index * 2).padStart(2, '0')},000 --> 00:00:${String(index * 2 + 1).padStart(2, '0')},500\n${line}\n`).join('\n');
}

describe('small talk before the first question', () => {
  test('a check of the call and a greeting asked as a question pair with nothing', () => {
    const pairs = pairsOf(
      notes(
        'Ivy: Hey, Cal? Hi! Can you hear me okay?',
        'Cal: Yes, loud and clear.',
        'Ivy: Is the sound all right on your end?',
        'Cal: Yep, all good.',
        'Ivy: Great. How was your weekend?',
        'Cal: Lovely, I finally finished building a bookcase for my daughter.',
      ),
    );
    expect(pairs.map((pair) => pair.question)).toEqual(['How was your weekend?']);
  });

  test('"Shall we start?" is small talk; "Shall we start with…" asks something', () => {
    const pairs = pairsOf(notes('Ivy: Shall we start?', 'Cal: Sure.', 'Ivy: Shall we start with you telling me about yourself?', 'Cal: I run the live chat team at a furniture shop.'));
    expect(pairs.map((pair) => pair.question)).toEqual(['Shall we start with you telling me about yourself?']);
  });

  test.each([['Okay, is this recording?'], ['Are we recording now?'], ['Sorry, am I on mute?']])('%j is a check of the call, and the greeting after it is no answer', (check) => {
    const pairs = pairsOf(notes(`Ivy: ${check} Good. Welcome, and thanks for your time today.`, 'Cal: Hello.', 'Ivy: Tell me about yourself.', 'Cal: I run the live chat team at a furniture shop.'));
    expect(pairs.map((pair) => pair.question)).toEqual(['Tell me about yourself.']);
  });

  test('"Is that Priyanka?" checks who joined and is not a question to judge', () => {
    const pairs = pairsOf(notes('Ivy: Hi, is that Priyanka?', 'Cal: Yes, hi!', 'Ivy: Tell me about yourself.', 'Cal: I run the live chat team at a furniture shop.'));
    expect(pairs.map((pair) => pair.question)).toEqual(['Tell me about yourself.']);
  });
});

describe('what does not split an answer', () => {
  const story = [
    'Ivy: Tell me about a time you made a mistake at work.',
    'Cal: We were short-staffed one winter and a prescription went out with the wrong strength.',
  ];

  test.each([
    ['a backchannel', 'Ivy: Mm-hm.'],
    ['a clarifying question', 'Ivy: Sorry, who caught it?'],
    ['a clarifying question that points back at nothing', 'Ivy: Sorry, was your manager in as well?'],
    ['a check of a detail', 'Ivy: Just to check, is the counter the front desk?'],
    ['a follow-up about the same story', 'Ivy: What did the pharmacist say once it was sorted?'],
    ['a follow-up that names part of the story', 'Ivy: How did the team feel about the new check?'],
  ])('%s', (_kind, interruption) => {
    const pairs = pairsOf(notes(...story, interruption, 'Cal: I added a second check at the counter, and it has not happened since.'));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.answer).toMatch(/^We were short-staffed.*not happened since\.$/);
  });

  test.each([
    ['And what would you bring to our team?'],
    ['And what made you apply for this role?'],
    ['What drew you to this company?'],
    ['So what motivates you?'],
    ['And what are you proudest of?'],
    ['What do you enjoy doing in your spare time?'],
  ])('%j after the story is a new question, not a follow-up', (question) => {
    const pairs = pairsOf(notes(...story, 'Cal: I added a second check at the counter.', `Ivy: ${question}`, 'Cal: Mostly the way I train new starters.'));
    expect(pairs.map((pair) => pair.question)).toEqual(['Tell me about a time you made a mistake at work.', question]);
  });

  test('a new question after the story still starts a new pair', () => {
    const pairs = pairsOf(notes(...story, 'Ivy: What do you do outside work?', 'Cal: I sing in a choir.'));
    expect(pairs.map((pair) => pair.question)).toEqual(['Tell me about a time you made a mistake at work.', 'What do you do outside work?']);
  });
});

describe('the closing answer', () => {
  const opening = ['Ivy: Tell me about yourself.', 'Cal: I have run a bakery for six years.', 'Ivy: Great. Do you have any questions for me?'];

  test('runs from the first of the candidate\'s questions to the last, without the goodbyes', () => {
    const pairs = pairsOf(
      notes(
        ...opening,
        'Cal: Yes, what does a normal week look like?',
        'Ivy: Mostly early shifts.',
        'Cal: Okay. And how do you measure how a shift went?',
        'Ivy: Waste and sales per hour.',
        'Cal: That makes sense. Thanks so much for your time.',
        'Ivy: Thank you, bye.',
        'Cal: Bye!',
      ),
    );
    expect(pairs[1]).toEqual({
      question: 'Do you have any questions for me?',
      followUps: [],
      answer: 'Yes, what does a normal week look like? Okay. And how do you measure how a shift went?',
    });
  });

  test('keeps what the candidate says after their last question in the same turn, less the thanks', () => {
    const pairs = pairsOf(notes(...opening, 'Cal: Is there a chance to train as a baker? I would love to learn sourdough properly. Okay, great. Thanks so much!', 'Ivy: Thank you, bye.'));
    expect(pairs[1]?.answer).toBe('Is there a chance to train as a baker? I would love to learn sourdough properly.');
  });

  test('without any question, is the first reply less its goodbyes', () => {
    const pairs = pairsOf(notes(...opening, 'Cal: No, I think you covered everything. Thanks so much!', 'Ivy: Thanks for coming in.', 'Cal: Thank you, bye.'));
    expect(pairs[1]?.answer).toBe('No, I think you covered everything.');
  });

  test('in captions without names, stops at the last question even when the thanks follow in the same breath', () => {
    const interview = readInterview(
      subRip('Tell me about yourself.', 'I have run a bakery for six years.', 'Do you have any questions for me?', 'How big is the team?', 'Twelve of us. Thanks, it was lovely to meet you.'),
    );
    expect(interview.pairs.map((pair) => pair.answer)).toEqual(['I have run a bakery for six years.', 'How big is the team?']);
  });

  test("in captions without names, keeps the candidate's reason for their question but not the interviewer's reply", () => {
    for (const reply of ['Yes, every baker does our course.', 'So the first two weeks are shadowing.', 'We all do, it takes a month.']) {
      const interview = readInterview(
        subRip('Tell me about yourself.', 'I have run a bakery for six years.', 'Do you have any questions for me?', 'Do you train people in sourdough? Because I would love to learn it.', `${reply} Thanks for coming in.`),
      );
      expect(interview.pairs[1]?.answer).toBe('Do you train people in sourdough? Because I would love to learn it.');
    }
  });
});

test('in captions without names, "Ha, perfect." before the next question is the interviewer moving on', () => {
  const interview = readInterview(subRip('How are you doing?', 'Really well, I spent the morning in the garden.', 'Ha, perfect. Tell me about yourself.', 'I have run a bakery for six years.'));
  expect(interview.pairs[0]?.answer).toBe('Really well, I spent the morning in the garden.');
});

test('in captions without names, a bare "Ha." or "Oh." before the next question is the interviewer\'s', () => {
  for (const interjection of ['Ha.', 'Oh!', 'Wow.']) {
    const interview = readInterview(subRip('How was your week?', 'Long, we moved the whole shop to a new unit on Tuesday.', `${interjection} Tell me about yourself.`, 'I have run a bakery for six years.'));
    expect(interview.pairs.map((pair) => pair.answer)).toEqual(['Long, we moved the whole shop to a new unit on Tuesday.', 'I have run a bakery for six years.']);
  }
});

test('in captions without names, a short "Good, thanks." right after a question is its answer, not the interviewer moving on', () => {
  const interview = readInterview(subRip('How are you today?', 'Good thanks, excited.', 'Tell me about yourself.', 'I have run a bakery for six years.'));
  expect(interview.pairs.map((pair) => [pair.question, pair.answer])).toEqual([
    ['How are you today?', 'Good thanks, excited.'],
    ['Tell me about yourself.', 'I have run a bakery for six years.'],
  ]);
});
