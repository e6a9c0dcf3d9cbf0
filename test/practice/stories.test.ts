import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerStories } from '../../src/cli/commands/stories.js';
import { openStore } from '../../src/storage/index.js';
import { overusedStories, storyToldIn, suggestStories, type StoryLike } from '../../src/stories/match.js';
import { judgedSession, QUESTION } from './fixtures/session.js';
import { tempDir } from './helpers.js';
import { runCommand } from './inprocess.js';

const ROTA: StoryLike = {
  id: 1,
  title: 'Rota swap',
  text: 'At the Leeds warehouse two pickers kept clashing over weekend shifts. I set up a shift-swap board and mediated the first swaps. Complaints dropped by half within a month.',
  competencies: ['conflict', 'teamwork'],
};
const OUTAGE: StoryLike = {
  id: 2,
  title: 'Scanner outage',
  text: 'During peak season our handheld scanners failed at the Leeds warehouse. I switched the pickers to paper manifests and reconciled them overnight. We shipped every order on time.',
  competencies: ['pressure', 'problem-solving'],
};

describe('matching stories', () => {
  it('recognises a story retold in other words, and not a different story from the same place', () => {
    const retold = 'Two of my pickers were clashing over weekend shifts, so I made a shift-swap board; complaints dropped by half.';
    expect(storyToldIn(retold, [ROTA, OUTAGE])?.title).toBe('Rota swap');
    const different = 'At the Leeds warehouse I trained three new starters on the forklift and wrote the safety checklist.';
    expect(storyToldIn(different, [ROTA, OUTAGE])).toBeNull();
  });

  it('warns when one story answers more than two questions of an interview', () => {
    const tell = (position: number) => ({ position, answer: ROTA.text });
    expect(overusedStories([tell(0), tell(1)], [ROTA, OUTAGE])).toEqual([]);
    expect(overusedStories([tell(0), tell(1), { position: 2, answer: OUTAGE.text }, tell(4)], [ROTA, OUTAGE])).toEqual([
      { story: ROTA, positions: [0, 1, 4] },
    ]);
  });

  it('suggests the stories that fit a question, competency first', () => {
    const suggested = suggestStories({ text: 'Tell me about a time you worked under pressure.', competencies: ['pressure'] }, [ROTA, OUTAGE]);
    expect(suggested.map((s) => s.story.title)).toEqual(['Scanner outage']);
    expect(suggested[0]!.why).toBe('fits: pressure');
  });
});

describe('starl stories (command line)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('saves a practice answer as a story with its STAR(L) parts, lists it and suggests it', async () => {
    const file = join(dir, 'starl.db');
    const store = await openStore(file);
    const sessionId = await judgedSession(store);
    const retry = (await store.answersOf(sessionId)).find((a) => a.attempt === 2)!;
    await store.close();

    const added = await runCommand(registerStories, [
      'stories', 'add', '--title', 'Rota swap', '--competencies', 'Conflict, teamwork', '--from-answer', String(retry.id), '--db', file,
    ]);
    expect(added.error).toBeNull();
    expect(added.stdout).toMatch(/^#1 Rota swap {2}\[conflict, teamwork\]\n/);
    expect(added.stdout).toMatch(/\n {2}A {2}I called them into a meeting and proposed a swap system\.\n/);

    const suggested = await runCommand(registerStories, ['stories', 'suggest', 'Tell me about a conflict in your team.', '--competencies', 'conflict', '--db', file]);
    expect(suggested.stdout).toMatch(/^#1 Rota swap {2}\(fits: conflict; [^)]+\)\n$/);

    // The question the story was first told for finds it, though it was saved with no tag that says so.
    const untagged = await runCommand(registerStories, ['stories', 'add', '--title', 'Clash over the rota', '--from-answer', String(retry.id), '--db', file]);
    expect(untagged.stdout).toMatch(/^#2 Clash over the rota\n/);
    const again = await runCommand(registerStories, ['stories', 'suggest', QUESTION, '--db', file]);
    expect(again.stdout).toMatch(/^#2 Clash over the rota {2}\(told for this question; fits: conflict; [^)]+\)$/m);

    const missing = await runCommand(registerStories, ['stories', 'add', '--title', 'x', '--from-answer', '99', '--db', file]);
    expect((missing.error as Error).message).toBe('no saved answer 99');
  });
});
