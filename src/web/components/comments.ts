import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { fetchMyComments, postComment } from '../api.js';
import type { Comment } from '../api.js';
import { submitOnCtrlEnter } from '../keys.js';
import { isCandidate, useMe } from '../me.js';
import { useRead } from '../use-load.js';
import { useWrite } from '../write.js';

/** The comments on an answer, oldest first, with who wrote them and when; `title` heads them. */
export function CommentList({ comments, title }: { comments: readonly Comment[]; title: string }): VNode {
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  return html`<section class="comments" aria-label=${title}>
    <h4 class="comments-title">${title}</h4>
    ${sorted.length === 0
      ? html`<p class="hint">No comments yet.</p>`
      : html`<ul>
          ${sorted.map(
            (comment) => html`<li key=${comment.id} class="comment">
              <p class="comment-text">${comment.text}</p>
              <p class="comment-meta">${comment.author.name} · <time datetime=${comment.createdAt}>${comment.createdAt.slice(0, 10)}</time></p>
            </li>`,
          )}
        </ul>`}
  </section>`;
}

/** The coach's form to comment on an answer; the comment as saved goes to `onAdded`. */
export function CommentForm({ answerId, onAdded }: { answerId: number; onAdded: (comment: Comment) => void }): VNode {
  const [text, setText] = useState('');
  const write = useWrite();
  const id = `comment-${answerId}`;
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const sent = text.trim();
    if (!sent) return write.fail('Write the comment first.');
    const saved = await write.run({ answerId, text: sent }, () => postComment(answerId, sent));
    if (!saved) return;
    // What was typed while the comment was on its way stays.
    setText((current) => (current.trim() === sent ? '' : current));
    onAdded(saved);
  };
  return html`<form class="comment-form" onSubmit=${submit} aria-busy=${write.busy}>
    <label for=${id}>Add a comment</label>
    <textarea id=${id} rows="3" value=${text} onInput=${(e: Event) => setText((e.target as HTMLTextAreaElement).value)} onKeyDown=${submitOnCtrlEnter}></textarea>
    ${write.error ? html`<p class="error" role="alert">${write.error}</p>` : null}
    <div class="actions"><button type="submit" class="primary" disabled=${write.busy}>${write.busy ? 'Sending…' : 'Comment'}</button></div>
  </form>`;
}

/** Every comment, from the first. */
const ALL_COMMENTS_SINCE = '1970-01-01T00:00:00.000Z';

/** What a candidate's page shows of their coach's comments: those on each answer, and why they could not be read. */
export interface MyComments {
  on: (answerId: number) => readonly Comment[];
  error: string | null;
}

/**
 * The coach's comments on the signed-in candidate's answers, read once per page. In single-user
 * mode, and for coaches and admins, nothing is read and no answer has comments.
 */
export function useMyComments(): MyComments {
  const candidate = isCandidate(useMe());
  const load = useRead(candidate ? 'my-comments' : null, () => fetchMyComments(ALL_COMMENTS_SINCE));
  const byAnswer = useMemo(() => {
    const grouped = new Map<number, Comment[]>();
    for (const comment of load.data ?? []) grouped.set(comment.answerId, [...(grouped.get(comment.answerId) ?? []), comment]);
    return grouped;
  }, [load.data]);
  return { on: (answerId) => byAnswer.get(answerId) ?? [], error: load.error };
}

/** The coach's comments beside a candidate's own answer; nothing when there are none. */
export function CoachComments({ comments }: { comments: readonly Comment[] }): VNode | null {
  return comments.length === 0 ? null : html`<${CommentList} comments=${comments} title="Your coach's comments" />`;
}
