import { describe, expect, test } from 'vitest';
import { readInterview } from './interview.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** A short interview in `Q:`/`A:` style, with the labels given. */
function qa(asker: string, answerer: string): string[] {
  return [
    `${asker}: How was your week?`,
    `${answerer}: Busy, I ran our flu clinic on Saturday for two hundred people.`,
    `${asker}: Tell me about yourself.`,
    `${answerer}: I have been a pharmacy technician for three years in Eastfield.`,
    `${asker}: Do you have any questions for us?`,
    `${answerer}: What does training look like in the first month?`,
  ];
}

/** Captions without speaker names, one cue per line. */
function captions(...text: string[]): string {
  return text.map((line, index) => `${index + 1}\n00:00:${String(index * 2).padStart(2, '0')},000 --> 00:00:${String(index * 2 + 1).padStart(2, '0')},500\n${line}\n`).join('\n');
}

describe('headers and titles', () => {
  test('"Name – interview notes" names the writer, who is "A"', () => {
    const interview = readInterview(lines('Noor Haddad – interview notes', 'Pharmacy technician, 3 March', '', ...qa('Q', 'A')));
    expect(interview.candidate).toBe('A');
    expect(interview.identification).toMatchObject({ name: 'Noor Haddad', confidence: 'high', unsure: null });
    expect(interview.identification.clues).toContain(`the notes' header names "Noor Haddad" as the writer`);
  });

  test('"My notes (Name)" names the writer, who is "Me"', () => {
    const interview = readInterview(lines('# My notes (Tariq Bello)', '', ...qa('Interviewer', 'Me')));
    expect(interview).toMatchObject({ candidate: 'Me', identification: { name: 'Tariq Bello', confidence: 'high' } });
  });

  test('a header that names only the company gives no name', () => {
    const interview = readInterview(lines('# Interview with Lakeside Dental, front desk coordinator', '', ...qa('Q', 'A')));
    expect(interview.identification).toMatchObject({ name: null, confidence: 'high' });
  });

  test('a title naming the candidate wins over who talks most', () => {
    const otter = [
      'Sous chef interview - Ren Okoye',
      '',
      'Ada Quist  0:01',
      'Ren, hi, come in. Before we start, a bit about us: we are a sixty-cover bistro, we change the menu every six weeks and make everything in house, from the bread to the stocks and the ice cream, and the five of us share a small kitchen. Right. How was the journey over?',
      '',
      'Ren Okoye  0:30',
      'Fine, thanks.',
      '',
      'Ada Quist  0:33',
      'We do a lot of smoking and curing here, so we need people who are patient and careful. Tell me about yourself.',
      '',
      'Ren Okoye  0:45',
      'Five years on the line.',
    ].join('\n');
    const interview = readInterview(otter);
    expect(interview.candidate).toBe('Ren Okoye');
    expect(interview.identification.clues[0]).toBe('the title names "Ren Okoye"');
  });
});

describe('greetings and introductions', () => {
  test('captions without names: "Hey, Corinne?" names the candidate', () => {
    const interview = readInterview(captions('Hey, Corinne? Hi!', 'Hi, yes.', 'How are you doing today?', 'Good, thanks, I walked the dog early so I am wide awake.'));
    expect(interview.candidate).toBe('Candidate');
    expect(interview.identification).toMatchObject({ name: 'Corinne', confidence: 'medium', unsure: null });
    expect(interview.identification.clues).toContain('greeted as "Corinne" ("Hey, Corinne")');
  });

  test('captions without names: the interviewer who introduces their job is not the candidate', () => {
    const interview = readInterview(
      captions("I'm Sam, the hiring manager here.", 'Nice to meet you, Sam.', 'Nice to meet you, Lena.', 'How are you doing today?', 'Good, thanks, excited to be here.'),
    );
    expect(interview.identification.name).toBe('Lena');
  });

  test('captions that greet two names, neither of them placed, ask to be told', () => {
    const interview = readInterview(captions('Nice to meet you, Sam.', 'Nice to meet you, Lena.', 'How are you doing today?', 'Good, thanks, excited to be here.'));
    expect(interview.identification.confidence).toBe('low');
    expect(interview.identification.unsure).toMatch(/greets both "Sam" and "Lena"/);
  });

  test('Otter\'s "Speaker 2" is named by the greeting the other speaker gives', () => {
    const otter = ['Speaker 1  0:01', 'Hey, Mireille? Can you hear me okay?', '', 'Speaker 2  0:04', 'Yes, hi.', '', 'Speaker 1  0:06', 'Tell me about yourself.', '', 'Speaker 2  0:09', 'I volunteer at the library on Saturdays.'].join('\n');
    const interview = readInterview(otter);
    expect(interview).toMatchObject({ candidate: 'Speaker 2', identification: { name: 'Mireille' } });
  });

  test('an interviewer introducing their job counts against them, whoever talks more', () => {
    const interview = readInterview(
      lines(
        "Greta: Hi Amara, I'm Greta, the pharmacy manager.",
        'Amara: Hi! Can I ask first how long this will take?',
        'Greta: About half an hour. How was your week?',
        'Amara: Good.',
        'Greta: Tell me about yourself.',
        'Amara: Technician, three years.',
      ),
    );
    expect(interview.candidate).toBe('Amara');
  });
});

describe('who asks and who answers', () => {
  test("the candidate's own questions at the close do not make them the interviewer", () => {
    const interview = readInterview(
      lines(
        'Oona: Why this role?',
        'Femi: I want to run a clinic team, and I trained four of our receptionists last year.',
        'Oona: Any questions for us?',
        'Femi: How many clinics would I cover?',
        'Oona: Three, all in town.',
        'Femi: And who would I report to?',
        'Oona: To me.',
        'Femi: What does the first month look like?',
      ),
    );
    expect(interview.candidate).toBe('Femi');
    expect(interview.identification.name).toBe('Femi');
  });

  test('"Me" and "Them" notes: Me is the candidate however much Them says', () => {
    const interview = readInterview(lines('Them: Tell me about yourself, and take your time, we have the whole hour booked today.', 'Me: Nurse, four years.', 'Them: Why us?', 'Me: Your recovery programme.'));
    expect(interview).toMatchObject({ candidate: 'Me', interviewers: ['Them'], identification: { confidence: 'high' } });
  });

  test('labels settle it: "Candidate" answers even when "Interviewer" talks more', () => {
    const interview = readInterview(lines(...qa('Interviewer', 'Candidate')));
    expect(interview).toMatchObject({ candidate: 'Candidate', interviewers: ['Interviewer'], identification: { name: null, confidence: 'high' } });
  });

  test('two speakers who both ask and answer: unsure, says why, and --candidate settles it', () => {
    const text = lines(
      'Ann: How was your week?',
      'Bo: Good. And yours?',
      'Ann: Busy. Tell me about your last project?',
      'Bo: I built a billing export. What are you working on?',
      'Ann: A new checkout. Why did you choose it?',
      'Bo: It was the biggest gap. Do you enjoy it?',
    );
    const guessed = readInterview(text);
    expect(guessed.identification.confidence).toBe('low');
    expect(guessed.identification.unsure).toMatch(/both ask and answer questions/);
    const named = readInterview(text, { candidate: 'bo' });
    expect(named).toMatchObject({ candidate: 'Bo', candidateBasis: 'override', identification: { name: 'Bo', confidence: 'high', unsure: null } });
  });

  test('a header that names one speaker while the other answers everything makes Starl ask', () => {
    const interview = readInterview(lines('Noor Haddad – interview notes', '', ...qa('Noor Haddad', 'Pia Lund')));
    expect(interview.candidate).toBe('Pia Lund');
    expect(interview.identification.confidence).toBe('low');
    expect(interview.identification.unsure).toMatch(/"Pia Lund" is the one who answers the questions/);
  });
});
