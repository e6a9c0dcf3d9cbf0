import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { sendJson, type Me } from '../api.js';
import { useLoad } from '../use-load.js';
import { useWrite } from '../write.js';

/** A password field of a form, with its label. */
function PasswordField({ id, label, value, onInput, autocomplete }: { id: string; label: string; value: string; onInput: (value: string) => void; autocomplete: string }): VNode {
  return html`<label for=${id}>${label}</label>
    <input id=${id} type="password" autocomplete=${autocomplete} required value=${value} onInput=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />`;
}

/**
 * The signed-in user's account on a shared Starl: change the password (ending every other session),
 * or delete the account with all its data. Shows nothing in single-user mode.
 */
export function AccountPanel(): VNode | null {
  const me = useLoad<Me>('/api/me');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changed, setChanged] = useState(false);
  const [confirmPassword, setConfirmPassword] = useState('');
  const change = useWrite();
  const remove = useWrite();
  if (me.data?.mode !== 'multi' || !me.data.user) return null;
  const user = me.data.user;

  const changePassword = async (event: Event): Promise<void> => {
    event.preventDefault();
    setChanged(false);
    const done = await change.run({ change: 'password' }, () => sendJson('/api/auth/password', { current, next }).then(() => true));
    if (!done) return;
    setCurrent('');
    setNext('');
    setChanged(true);
  };
  const deleteAccount = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!confirm(`Delete the account ${user.email} and everything it keeps (practice, companies, stories, reviews, recordings)? This cannot be undone.`)) return;
    const done = await remove.run({ delete: 'account' }, () => sendJson('/api/account', { password: confirmPassword }, 'DELETE').then(() => true));
    if (done) location.assign('/');
  };
  return html`<section class="account-panel" aria-labelledby="account-title">
    <h3 id="account-title">Your account</h3>
    <p>Signed in as <strong>${user.name}</strong> (${user.email}), ${user.role}.</p>
    <form onSubmit=${changePassword} aria-busy=${change.busy}>
      <${PasswordField} id="account-current" label="Current password" value=${current} onInput=${setCurrent} autocomplete="current-password" />
      <${PasswordField} id="account-next" label="New password (at least 10 characters)" value=${next} onInput=${setNext} autocomplete="new-password" />
      ${change.error ? html`<p class="error" role="alert">${change.error}</p>` : null}
      <div class="actions"><button type="submit" disabled=${change.busy}>Change password</button></div>
      <p role="status">${changed ? 'Password changed; you were signed out everywhere else.' : ''}</p>
    </form>
    <form onSubmit=${deleteAccount} aria-busy=${remove.busy}>
      <p class="hint">Deleting your account deletes all your data on this server; download it above first to keep it.</p>
      <${PasswordField} id="account-delete-password" label="Your password, to delete the account" value=${confirmPassword} onInput=${setConfirmPassword} autocomplete="current-password" />
      ${remove.error ? html`<p class="error" role="alert">${remove.error}</p>` : null}
      <div class="actions"><button type="submit" disabled=${remove.busy}>Delete my account and data</button></div>
    </form>
  </section>`;
}
