import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { StarLabel } from '../../core/types.js';
import type { Story } from '../../storage/records.js';
import { sendJson } from '../api.js';
import { submitOnCtrlEnter } from '../keys.js';
import { useDraft } from '../draft.js';
import { STAR_NAMES } from '../labels.js';
import { useLoad } from '../use-load.js';
import { afterSave, useDelete, useWrite } from '../write.js';

interface StoryBank {
  stories: Story[];
  fits: { storyId: number; score: number; why: string }[];
}

const EMPTY_STORY = { title: '', competencies: '', text: '' };

/** What the story form sends: the competencies split at commas. */
function storyBody(fields: typeof EMPTY_STORY): { title: string; text: string; competencies: string[] } {
  return { title: fields.title, text: fields.text, competencies: fields.competencies.split(',').map((c) => c.trim()).filter(Boolean) };
}

/** The Stories page: the story bank with STAR(L) parts and competencies, and which stories fit a question. */
export function StoriesPage(): VNode {
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState('');
  const bank = useLoad<StoryBank>(`/api/stories${asked ? `?question=${encodeURIComponent(asked)}` : ''}`);
  const [editing, setEditing] = useState<number | null>(null);
  const stories = bank.data?.stories ?? [];
  const fitOf = (story: Story) => bank.data?.fits.find((fit) => fit.storyId === story.id);
  const ordered = [...stories].sort((a, b) => (fitOf(b)?.score ?? 0) - (fitOf(a)?.score ?? 0));
  const deleting = useDelete();
  const remove = (story: Story) => deleting.remove(`Delete the story "${story.title}"?`, `/api/stories/${story.id}`, bank.reload);

  return html`<section class="page stories" aria-labelledby="stories-title">
    <h2 id="stories-title">Stories</h2>
    <p class="hint">Your bank of STAR(L) stories: prepare a few strong ones and match them to the questions you expect.</p>
    ${deleting.error ?? bank.error ? html`<p class="error" role="alert">${deleting.error ?? bank.error}</p>` : null}
    <div class="columns">
      <div>
        <form class="fit-form" onSubmit=${(e: Event) => { e.preventDefault(); if (question.trim() === asked) void bank.reload(); else setAsked(question.trim()); }}>
          <label for="fit-question">Which stories fit this question?</label>
          <input id="fit-question" type="text" value=${question} onInput=${(e: Event) => setQuestion((e.target as HTMLInputElement).value)} />
          <div class="actions"><button type="submit">Find fitting stories</button></div>
        </form>
        ${bank.data && stories.length === 0 ? html`<p class="placeholder">No stories yet.</p>` : null}
        ${!bank.data && !bank.error ? html`<p class="placeholder">Loading…</p>` : null}
        <ol class="story-list">
          ${ordered.map((story) => {
            const fit = fitOf(story);
            return html`<li key=${story.id} class=${fit ? 'story fits' : 'story'}>
              <h3>${story.title}${fit ? html` <span class="fit-badge">fits: ${fit.why}</span>` : null}</h3>
              ${story.competencies.length > 0 ? html`<ul class="chips">${story.competencies.map((c) => html`<li key=${c}>${c}</li>`)}</ul>` : null}
              ${editing === story.id
                ? html`<${StoryForm} story=${story} onSaved=${() => { setEditing(null); void bank.reload(); }} onCancel=${() => setEditing(null)} />`
                : html`<p class="evidence">
                      ${story.parts.map(
                        (part, i) => html`${i > 0 ? ' ' : ''}<span class=${part.star ? `sentence star-${part.star}` : 'sentence'}>${part.star ? html`<span class="star-tag" title=${STAR_NAMES[part.star as StarLabel]}>${part.star}</span>` : null}${part.text}</span>`,
                      )}
                    </p>
                    <div class="actions">
                      <button type="button" aria-label=${`Edit the story "${story.title}"`} onClick=${() => setEditing(story.id)}>Edit</button>
                      <button type="button" aria-label=${`Delete the story "${story.title}"`} disabled=${deleting.busy} onClick=${() => remove(story)}>Delete</button>
                    </div>`}
            </li>`;
          })}
        </ol>
      </div>
      <${StoryForm} onSaved=${() => bank.reload()} />
    </div>
  </section>`;
}

/** Adds a story, or edits `story` when given. A new story's fields are a draft kept in the browser until saved. */
function StoryForm({ story, onSaved, onCancel }: { story?: Story; onSaved: () => void; onCancel?: () => void }): VNode {
  const initial = story ? { title: story.title, competencies: story.competencies.join(', '), text: story.text } : EMPTY_STORY;
  const [fields, setFields, clear] = useDraft(story ? `stories.edit.${story.id}` : 'stories.new', initial);
  const write = useWrite();
  // The fields as they are when the save returns, not as they were when it was sent.
  const fieldsNow = useRef(fields);
  fieldsNow.current = fields;
  const id = (name: string) => `story-${name}${story ? `-${story.id}` : ''}`;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const submitted = fields;
    const body = storyBody(submitted);
    const saved = story
      ? await write.run(body, () => sendJson<Story>(`/api/stories/${story.id}`, body, 'PATCH'))
      : await write.run(body, (clientId) => sendJson<Story>('/api/stories', { ...body, clientId }));
    if (!saved) return;
    if (story) clear();
    // Only what was saved is emptied: a story typed during a slow save stays.
    else setFields(afterSave(fieldsNow.current, submitted, EMPTY_STORY));
    onSaved();
  };
  const set = (name: keyof typeof EMPTY_STORY) => (e: Event) => setFields({ [name]: (e.target as HTMLInputElement).value });
  return html`<form class="story-form" onSubmit=${submit} aria-busy=${write.busy}>
    ${story ? null : html`<h3>Add a story</h3>`}
    <label for=${id('title')}>Title</label>
    <input id=${id('title')} type="text" required value=${fields.title} onInput=${set('title')} />
    <label for=${id('competencies')}>Competencies it shows, separated by commas</label>
    <input id=${id('competencies')} type="text" value=${fields.competencies} onInput=${set('competencies')} />
    <label for=${id('text')}>The story</label>
    <textarea id=${id('text')} rows="8" required value=${fields.text} onInput=${set('text')} onKeyDown=${submitOnCtrlEnter}></textarea>
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions">
      <button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Saving…' : story ? 'Save changes' : 'Save story'}</button>
      ${onCancel ? html`<button type="button" onClick=${() => { clear(); onCancel(); }}>Cancel</button>` : null}
    </div>
  </form>`;
}
