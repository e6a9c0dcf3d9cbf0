import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { sendJson, type Me } from '../api.js';
import { useWrite } from '../write.js';

/** The sign-in page of a shared (multi-user) Starl: email and password; on success the app opens as that user. */
export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }): VNode {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const write = useWrite();
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    // The password stays out of the body the form remembers for its retries.
    const me = await write.run({ email }, () => sendJson<Me>('/api/auth/login', { email, password }));
    if (me) onSignedIn(me);
  };
  const { busy, error } = write;
  return html`<section class="page sign-in" aria-labelledby="sign-in-title">
    <h2 id="sign-in-title">Sign in</h2>
    <p class="hint">This Starl is shared: sign in to see your own practice. New here? Open the invitation link you were sent.</p>
    <form onSubmit=${submit} aria-busy=${busy}>
      <label for="sign-in-email">Email</label>
      <input id="sign-in-email" type="email" autocomplete="username" required value=${email} onInput=${(e: Event) => setEmail((e.target as HTMLInputElement).value)} />
      <label for="sign-in-password">Password</label>
      <input id="sign-in-password" type="password" autocomplete="current-password" required value=${password} onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)} />
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <div class="actions"><button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button></div>
    </form>
  </section>`;
}
