import { describe, expect, test } from 'vitest';
import { extractQuestion, isClosingQuestion, isFollowUpQuestion, isQuestionSentence, splitSentences, withoutLeadIn } from './questions.js';

describe('isQuestionSentence', () => {
  test.each([
    ['How are you?', false, true],
    ['Tell me about yourself.', false, true],
    ['So, um, walk me through your resume.', false, true],
    ["I'd love to hear about a project you're proud of.", false, true],
    ['So to kick things off, tell me a bit about yourself.', false, true],
    ['what made you apply', true, true],
    ['what made you apply', false, false],
    ['We run the optimizer every night.', true, false],
    ['What I did was rewrite it.', true, false],
  ])('%j (last: %s) → %s', (sentence, isLast, expected) => {
    expect(isQuestionSentence(sentence, isLast)).toBe(expected);
  });
});

describe('extractQuestion', () => {
  test('the last question of a long turn, with the question right before it', () => {
    const turn = 'Thanks for that. Let us switch gears. Tell me about a time you disagreed with your manager. How did it go?';
    expect(extractQuestion(turn)?.text).toBe('Tell me about a time you disagreed with your manager. How did it go?');
  });

  test.each([
    ['hi thanks for coming in how are you doing', 'how are you doing'],
    ['ok cool so walk me through your resume', 'ok cool so walk me through your resume'],
    ['we do what we can to ship weekly', null],
    ['we do what we can to ship weekly.', null],
  ])('without punctuation: %j asks %j', (turn, question) => {
    expect(extractQuestion(turn)?.text ?? null).toBe(question);
  });

  test('an explanation without a question asks nothing', () => {
    expect(extractQuestion('The team is six engineers. We are on call one week in six.')).toBeNull();
  });
});

describe('isFollowUpQuestion', () => {
  test.each([
    ['And what happened then?', true],
    ['What did you do, personally?', true],
    ['How did that go?', true],
    ['What would you do differently next time?', true],
    ['Why Brightloop?', false],
    ['Tell me about a time you failed.', false],
    ['Do you have any questions for me?', false],
    ['What are you looking for in your next role?', false],
    ['Why did you leave your last job?', false],
    ['And how do you handle it when priorities conflict?', false],
    ['Sorry, was the client there too?', true],
    ['What made you apply for this job?', false],
    ['Why this job?', false],
    ['And what could you bring to the team?', false],
  ])('%j → %s', (question, expected) => {
    expect(isFollowUpQuestion(question)).toBe(expected);
  });

  test('a question at the end of a long turn moves on', () => {
    const turn = 'Okay, great. I want to tell you a bit more about how our team works day to day, because we do things a little differently from most places. And how did that go?';
    expect(isFollowUpQuestion('And how did that go?', turn)).toBe(false);
  });
});


test('splitSentences keeps offsets into the text', () => {
  const text = 'We had, um, a problem.  So I fixed it… and then? Done';
  const sentences = splitSentences(text);
  expect(sentences.map((sentence) => sentence.text)).toEqual(['We had, um, a problem.', 'So I fixed it…', 'and then?', 'Done']);
  for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
});

test.each([
  ['And why Brightloop?', 'Why Brightloop?'],
  ['So, um, how are you doing today?', 'How are you doing today?'],
  ['Okay.', 'Okay.'],
  ['Tell me about yourself.', 'Tell me about yourself.'],
])('withoutLeadIn(%j) is %j', (question, expected) => {
  expect(withoutLeadIn(question)).toBe(expected);
});

test.each([
  ['Do you have any questions for us?', true],
  ['Is there anything else we should know?', true],
  ['Do you have any experience with Go?', false],
  ['Do you have any questions?', true],
  ['Okay, any questions?', true],
  ['Have you got any final questions?', true],
  ['Do you have any questions about the rota so far?', false],
  ['Any questions for me?', true],
])('isClosingQuestion(%j) → %s', (question, expected) => {
  expect(isClosingQuestion(question)).toBe(expected);
});
