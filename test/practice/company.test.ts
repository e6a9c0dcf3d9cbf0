import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchPageText } from '../../src/company/fetch.js';
import { htmlToText } from '../../src/company/html.js';
import { describeCompany } from '../../src/company/describe.js';
import { homeworkChecklist } from '../../src/company/notebook.js';
import { questionsToAsk } from '../../src/company/questions.js';
import { readPosting } from '../../src/company/source.js';
import { withStore, type Company, type CompanyFact } from '../../src/storage/index.js';
import { registerCompany } from '../../src/cli/commands/company.js';
import { StarlError } from '../../src/core/errors.js';
import { runCli } from '../support/cli.js';
import { runCommand } from './inprocess.js';
import { tempDir } from './helpers.js';

const POSTING = `<!doctype html><html><head><title>Support Engineer at Forkful</title>
<style>.x{color:red}</style><script>document.write("<p>hidden</p>")</script></head>
<body><h1>Support Engineer</h1><p>Forkful ships FreshBox meal kits&nbsp;across Leeds &amp; York.</p>
<ul><li>Own Zendesk triage</li><li>Work with the Logistics Squad</li></ul><!-- a comment --></body></html>`;

let server: Server;
let base: string;
const hanging: import('node:http').ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/posting') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(POSTING);
    } else if (request.url === '/slow') {
      // Never answers: the client's timeout must end the wait.
      hanging.push(response);
    } else if (request.url === '/huge') {
      // Ten megabytes with no Content-Length, so only counting the body can catch it.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('reducing a page to text', () => {
  it('keeps the title and the visible text, drops scripts, styles and comments, decodes entities', () => {
    expect(htmlToText(POSTING)).toBe(
      'Support Engineer at Forkful\nSupport Engineer\nForkful ships FreshBox meal kits across Leeds & York.\nOwn Zendesk triage\nWork with the Logistics Squad',
    );
  });

  it('reads an HTML file as text and refuses a missing one by name', async () => {
    const file = join(dir, 'posting.html');
    writeFileSync(file, POSTING);
    expect((await readPosting({ file }))?.text).toContain('Own Zendesk triage');
    await expect(readPosting({ file: join(dir, 'missing.txt') })).rejects.toThrow(/cannot read the posting: no such file/);
  });
});

describe('fetching a posting', () => {
  it('fetches a page from a URL and reduces it to text', async () => {
    const page = await fetchPageText(`${base}/posting`);
    expect(page.text).toContain('Forkful ships FreshBox meal kits');
    expect(page.text).not.toContain('hidden');
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const started = Date.now();
    await expect(fetchPageText(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(/no complete answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops reading a page past the size limit', async () => {
    await expect(fetchPageText(`${base}/huge`)).rejects.toThrow(/larger than 2048 KiB/);
  });

  it('names an HTTP error and a URL that is not http', async () => {
    await expect(fetchPageText(`${base}/gone`)).rejects.toThrow(/answered 404/);
    await expect(fetchPageText('file:///etc/passwd')).rejects.toThrow(/only http and https/);
  });
});

const company: Company = {
  id: 1,
  name: 'Forkful',
  aliases: ['Forkful Ltd'],
  competitors: [],
  contextText: 'Forkful ships FreshBox meal kits.',
  contextSource: 'posting.txt',
  terms: ['Forkful', 'FreshBox'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function fact(id: number, kind: string, text: string): CompanyFact {
  return { id, uid: `f${id}`, companyId: 1, kind, text, source: `source ${id}`, createdAt: '2026-01-02T00:00:00.000Z' };
}

describe('homework', () => {
  it('lists what has not been researched yet', () => {
    const checklist = homeworkChecklist(company, [fact(1, 'product', 'FreshBox Family launched in October.')]);
    expect(checklist.filter((item) => !item.done).map((item) => item.item)).toEqual([
      'competitors',
      'mission',
      'values',
      'team',
      'news',
      'interviewer',
    ]);
  });

  it('builds up to three questions to ask, each from one saved fact, different kinds first', () => {
    const facts = [
      fact(1, 'values', 'The company hires for kindness at speed.'),
      fact(2, 'product', 'FreshBox Family launched in October.'),
      fact(3, 'product', 'FreshBox ships 40,000 boxes a week.'),
      fact(4, 'news', 'Forkful opened a depot in York.'),
    ];
    const questions = questionsToAsk(facts);
    expect(questions.map((q) => q.fact.id)).toEqual([4, 3, 1]);
    expect(questions[0]!.question).toBe('I read that Forkful opened a depot in York. How has that changed the priorities for this role?');
    expect(questions[2]!.question).toMatch(/^I read that the company hires for kindness at speed\. /);
  });

  it('asks nothing it has no fact for', () => {
    expect(questionsToAsk([])).toEqual([]);
    expect(describeCompany(company, [])).toContain('(save some facts first');
  });
});

describe('starl company (command line)', { timeout: 90_000 }, () => {
  it('saves a posting from standard input, shows terms, facts and sources', async () => {
    const db = join(dir, 'starl.db');
    const added = await runCli(['company', 'add', 'Forkful', '--competitor', 'HelloFresh', '--db', db], { stdin: POSTING });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('Saved Forkful with its posting from stdin.');
    const fact = await runCommand(registerCompany, ['company', 'fact', 'forkful', 'news', 'Forkful opened a depot in York.', '--source', 'BBC Leeds', '--db', db]);
    expect(fact).toEqual({
      stdout: 'Saved a fact (news) about Forkful.\nQuestions to ask them now:\n  1. I read that Forkful opened a depot in York. How has that changed the priorities for this role?\n',
      stderr: '',
      error: null,
    });
    const shown = await runCommand(registerCompany, ['company', 'show', 'FORKFUL', '--db', db]);
    expect(shown.error).toBeNull();
    expect(shown.stdout).toContain('competitors: HelloFresh');
    expect(shown.stdout).toContain('[news] Forkful opened a depot in York.  (source: BBC Leeds)');
    expect(shown.stdout).toContain('1. I read that Forkful opened a depot in York.');
  });

  it('refuses a 10 MB page with a clear message, exit 2 and no database written', async () => {
    const db = join(dir, 'starl.db');
    const result = await runCli(['company', 'add', 'Huge', '--url', `${base}/huge`, '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^starl: could not fetch http:\/\/127\.0\.0\.1:\d+\/huge: the page is larger than 2048 KiB.* \[E_NETWORK\]\n$/);
    expect(existsSync(db)).toBe(false);
  });

  it('names an unknown company', async () => {
    const db = join(dir, 'starl.db');
    await withStore(db, async () => undefined);
    const result = await runCommand(registerCompany, ['company', 'show', 'Nowhere', '--db', db]);
    expect((result.error as StarlError).describe()).toBe('no company called "Nowhere"; add it with: starl company add "Nowhere" [E_NOT_FOUND]');
  });
});
