import type { Company } from '../storage/records.js';
import boilerplate from './boilerplate.json' with { type: 'json' };
import { companyKey } from '../storage/store.js';

const NAVIGATION = new Set(boilerplate.navigation);
const PLACES = new Set(boilerplate.places);

/** The words of a term, lower-cased, without the punctuation a scraped page leaves on them. */
function wordsOf(term: string): string[] {
  return term
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** Whether the posting introduces the term as a place: "based in Leeds", "Location: Manchester", "(London, UK)". */
function introducedAsPlace(term: string, posting: string): boolean {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const cues = boilerplate.placeCues.map((cue) => cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?:${cues})\\s*${escaped}\\b`, 'i').test(posting);
}

/**
 * The distinctive terms the notebook shows for a company: the posting's terms without the company's
 * own names, site navigation, and places (see boilerplate.json). Worked out each time the notebook
 * is shown, so it follows every change to the company and to this list.
 */
export function notebookTerms(company: Pick<Company, 'name' | 'aliases' | 'terms' | 'contextText'>): string[] {
  const names = new Set([company.name, ...company.aliases].map(companyKey));
  const posting = company.contextText ?? '';
  return company.terms.filter((term) => {
    const words = wordsOf(term);
    if (words.length === 0 || names.has(companyKey(term))) return false;
    if (words.some((word) => NAVIGATION.has(word))) return false;
    if (PLACES.has(words.join(' ')) || introducedAsPlace(term, posting)) return false;
    return true;
  });
}
