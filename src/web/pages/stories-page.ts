import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { StarLabel } from '../../core/types.js';
import type { Story } from '../../storage/records.js';
import { getJson, messageOf, sendJson } from '../api.js';
import { STAR_NAMES } from '../labels.js';

interface StoryBank {
  stories: Story[];
  fits: { storyId: number; score: number; why: string }[];
}

/** The Stories page: the story bank with STAR(L) parts and competencies, and which stories fit a question. */
export function StoriesPage(): VNode {
  const [bank, setBank] = useState<StoryBank>({ stories: [], fits: [] });
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const load = (forQuestion = question): Promise<void> =>
    getJson<StoryBank>(`/api/stories${forQuestion.trim() ? `?question=${encodeURIComponent(forQuestion.trim())}` : ''}`).then(setBank, (caught: unknown) => setError(messageOf(caught)));
  useEffect(() => void load(''), []);
  const fitOf = (story: Story) => bank.fits.find((fit) => fit.storyId === story.id);
  const ordered = [...bank.stories].sort((a, b) => (fitOf(b)?.score ?? 0) - (fitOf(a)?.score ?? 0));

  return html`<section class="page stories" aria-labelledby="stories-title">
    <h2 id="stories-title">Stories</h2>
    <p class="hint">Your bank of STAR(L) stories: prepare a few strong ones and match them to the questions you expect.</p>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <div class="columns">
      <div>
        <form class="fit-form" onSubmit=${(e: Event) => { e.preventDefault(); void load(); }}>
          <label for="fit-question">Which stories fit this question?</label>
          <input id="fit-question" type="text" value=${question} onInput=${(e: Event) => setQuestion((e.target as HTMLInputElement).value)} />
          <div class="actions"><button type="submit">Find fitting stories</button></div>
        </form>
        ${bank.stories.length === 0 ? html`<p class="placeholder">No stories yet.</p>` : null}
        <ol class="story-list">
          ${ordered.map((story) => {
            const fit = fitOf(story);
            return html`<li key=${story.id} class=${fit ? 'story fits' : 'story'}>
              <h3>${story.title}${fit ? html` <span class="fit-badge">fits: ${fit.why}</span>` : null}</h3>
              ${story.competencies.length > 0 ? html`<ul class="chips">${story.competencies.map((c) => html`<li key=${c}>${c}</li>`)}</ul>` : null}
              <p class="evidence">
                ${story.parts.map(
                  (part, i) => html`${i > 0 ? ' ' : ''}<span class=${part.star ? `sentence star-${part.star}` : 'sentence'}>${part.star ? html`<span class="star-tag" title=${STAR_NAMES[part.star as StarLabel]}>${part.star}</span>` : null}${part.text}</span>`,
                )}
              </p>
            </li>`;
          })}
        </ol>
      </div>
      <${StoryForm} onSaved=${() => load()} onError=${setError} />
    </div>
  </section>`;
}

function StoryForm({ onSaved, onError }: { onSaved: () => void; onError: (message: string) => void }): VNode {
  const [title, setTitle] = useState('');
  const [competencies, setCompetencies] = useState('');
  const [text, setText] = useState('');
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    try {
      await sendJson('/api/stories', { title, text, competencies: competencies.split(',') });
      setTitle('');
      setCompetencies('');
      setText('');
      onSaved();
    } catch (caught) {
      onError(messageOf(caught));
    }
  };
  return html`<form class="story-form" onSubmit=${submit}>
    <h3>Add a story</h3>
    <label for="story-title">Title</label>
    <input id="story-title" type="text" required value=${title} onInput=${(e: Event) => setTitle((e.target as HTMLInputElement).value)} />
    <label for="story-competencies">Competencies it shows, separated by commas</label>
    <input id="story-competencies" type="text" value=${competencies} onInput=${(e: Event) => setCompetencies((e.target as HTMLInputElement).value)} />
    <label for="story-text">The story</label>
    <textarea id="story-text" rows="8" required value=${text} onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="actions"><button type="submit" class="primary">Save story</button></div>
  </form>`;
}
