import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { sendJson, type Me } from '../api.js';
import { useLoad } from '../use-load.js';
import { useWrite } from '../write.js';

interface Invitation {
  email: string;
  role: 'candidate' | 'coach' | 'admin';
  cohort: { id: number; name: string } | null;
}

/** The words for what an invitation makes the person. */
function invitedAs(invitation: Invitation): string {
  const cohort = invitation.cohort ? ` in ${invitation.cohort.name}` : '';
  return invitation.role === 'candidate' ? `a candidate${cohort}` : invitation.role === 'coach' ? `a coach${cohort ? ` of ${invitation.cohort!.name}` : ''}` : 'an admin';
}

/** The page an invitation link opens: shows whom it is for, and creates the account with a name and a password. */
export function InvitationPage({ token, onSignedIn }: { token: string; onSignedIn: (me: Me) => void }): VNode {
  const path = `/api/invitations/${encodeURIComponent(token)}`;
  const loaded = useLoad<Invitation>(path);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const write = useWrite();
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (password !== again) return write.fail('The two passwords differ; type the same one twice.');
    const me = await write.run({ name }, () => sendJson<Me>(`${path}/accept`, { name, password }));
    if (!me) return;
    location.hash = '#/';
    onSignedIn(me);
  };
  const { busy, error } = write;
  return html`<section class="page invitation" aria-labelledby="invitation-title">
    <h2 id="invitation-title">Join Starl</h2>
    ${loaded.error
      ? html`<p class="error" role="alert">${loaded.error}</p><p><a href="#/">Sign in instead</a>.</p>`
      : !loaded.data
        ? html`<p class="placeholder">Reading the invitation…</p>`
        : html`<p>This invitation is for <strong>${loaded.data.email}</strong>, as ${invitedAs(loaded.data)}.</p>
            <form onSubmit=${submit} aria-busy=${busy}>
              <label for="invitation-name">Your name</label>
              <input id="invitation-name" autocomplete="name" required maxlength="200" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} />
              <label for="invitation-password">A password (at least 10 characters)</label>
              <input id="invitation-password" type="password" autocomplete="new-password" required minlength="10" value=${password} onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)} />
              <label for="invitation-again">The same password again</label>
              <input id="invitation-again" type="password" autocomplete="new-password" required minlength="10" value=${again} onInput=${(e: Event) => setAgain((e.target as HTMLInputElement).value)} />
              ${error ? html`<p class="error" role="alert">${error}</p>` : null}
              <div class="actions"><button type="submit" class="primary" disabled=${busy}>${busy ? 'Creating your account…' : 'Create my account'}</button></div>
            </form>`}
  </section>`;
}
