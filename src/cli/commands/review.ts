import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { StarlError } from '../../core/errors.js';
import type { AnalyzeInput } from '../../core/types.js';
import { buildReview, renderReviewHtml, renderReviewJson, renderReviewText, type Review } from '../../review/index.js';
import { databaseExists, openStore, saveReviewedTranscript, type Store } from '../../storage/index.js';
import { decodeTranscript, MAX_TRANSCRIPT_BYTES, readInterview } from '../../transcripts/index.js';
import { describeFsError, readFileBytes, readTextFile } from '../../files/read.js';
import { countOf } from '../../format/plural.js';
import { MAX_TEXT_FILE_BYTES } from '../io.js';

interface ReviewFlags {
  candidate?: string;
  json?: boolean;
  html?: string;
  context?: string;
  contextFile?: string;
  company?: string;
  db?: string;
  save?: boolean;
}

/**
 * `starl review FILE`: judges every answer in a real interview's transcript (Zoom, Teams, Google Meet,
 * Otter.ai, SubRip, WebVTT or notes; UTF-8 or UTF-16; up to 5 MB) and says which of the four reasons
 * most likely cost the second interview. With `--save` or `--db`, the judged answers are saved for progress.
 */
export function registerReview(program: Command): void {
  program
    .command('review')
    .description('review a real interview from its transcript: which of the four reasons cost you, with the moments that show it')
    .argument('<file>', `transcript: Zoom/Teams .vtt, .srt, Google Meet or Otter.ai text, or notes (max ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB)`)
    .option('--candidate <name>', 'your name or label as the transcript spells it (default: found from labels, headers, greetings and who answers; Starl asks when unsure)')
    .option('--json', 'print the review as JSON')
    .option('--html <out>', 'also write the review as a standalone HTML page to this file')
    .option('-c, --context <text>', 'text from the job posting or company page, for the specific-reason check')
    .option('--context-file <file>', 'read the job posting or company text from a file')
    .option('--company <name>', 'the company; one saved with `starl company add` brings its posting and aliases')
    .option('--save', 'save the judged answers to the database, so progress includes the interview')
    .option('--db <file>', 'the database to save to (implies --save) and to find --company in')
    .addHelpText(
      'after',
      `
Examples:
  starl review zoom-transcript.vtt
  starl review interview.vtt --candidate "Jordan Kim" --html review.html
  starl review notes.txt --json --context-file posting.txt --save

Formats are detected from the content: Zoom and Teams WebVTT, Google Meet and Otter.ai text exports,
SubRip or WebVTT without names, and notes with Q:/A:, Interviewer:/Me: or Name: lines. Files may be
UTF-8 (with or without a BOM) or UTF-16 with a BOM, up to ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB.`,
    )
    .action(async (file: string, flags: ReviewFlags) => {
      const bytes = await readFileBytes(file, { what: 'transcript', limit: MAX_TRANSCRIPT_BYTES });
      const { text } = decodeTranscript(bytes, file);
      const interview = readInterview(text, { file, ...(flags.candidate === undefined ? {} : { candidate: flags.candidate }) });
      const context = flags.contextFile !== undefined ? await readTextFile(flags.contextFile, { what: 'context file', limit: MAX_TEXT_FILE_BYTES }) : (flags.context ?? null);
      const save = flags.save === true || flags.db !== undefined;
      // The database is --db, else $STARL_DB, else the default file; opened only when it is needed, and
      // created only to save. Without one, a --company that is not saved is still used by its name.
      const lookUp = flags.company !== undefined && (flags.db !== undefined || databaseExists());
      const store = save || lookUp ? await openStore(flags.db, { create: save }) : null;
      try {
        const company = store && flags.company !== undefined ? await companyFor(store, flags.company) : null;
        const review = buildReview(interview, { context: context ?? company?.context ?? null, company: company?.company ?? null });
        if (flags.html !== undefined) await writeOutput(flags.html, renderReviewHtml(review));
        process.stdout.write(flags.json ? renderReviewJson(review) : renderReviewText(review));
        // The text report asks at its top; JSON on stdout is for programs, so the person is asked on stderr.
        if (flags.json && review.identification.unsure) process.stderr.write(`starl: ${unsureCandidateNote(review)}\n`);
        if (store && save) await saveReview(store, file, text, review);
        if (flags.html !== undefined) process.stderr.write(`starl: wrote the HTML review to ${flags.html}\n`);
      } finally {
        await store?.close();
      }
    });
}

/** Why Starl is unsure of the candidate, and how to tell it. */
function unsureCandidateNote(review: Review): string {
  const speakers = [review.candidate, ...review.interviewers].map((speaker) => `"${speaker}"`).join(', ');
  return `not sure who the candidate is: ${review.identification.unsure}; reviewed "${review.candidate}", name the right one with --candidate (the speakers are ${speakers})`;
}

async function companyFor(store: Store, name: string): Promise<{ company: NonNullable<AnalyzeInput['company']>; context: string | null }> {
  const saved = await store.findCompany(name);
  if (!saved) return { company: { name }, context: null };
  return { company: { name: saved.name, aliases: saved.aliases, competitors: saved.competitors }, context: saved.contextText };
}

/** Saves the judged answers as one transaction, replacing an earlier save of the same interview. */
async function saveReview(store: Store, file: string, text: string, review: Review): Promise<void> {
  const { saved, replaced } = await saveReviewedTranscript(store, { sourceFile: file, text }, review);
  const answers = countOf(saved, 'reviewed answer');
  process.stderr.write(replaced ? `starl: saved ${answers}, replacing the earlier save of this interview\n` : `starl: saved ${answers}\n`);
}

async function writeOutput(file: string, content: string): Promise<void> {
  try {
    await writeFile(file, content, 'utf8');
  } catch (error) {
    throw new StarlError('E_INPUT_FILE', `cannot write the HTML review: ${describeFsError(error)}`, { file });
  }
}
