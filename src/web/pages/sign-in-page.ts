import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, messageOf, sendJson, type Me } from '../api.js';

/** What the sign-in form says for an error the server answered with. */
function signInMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'E_RATE_LIMITED') return `${error.message} Too many attempts lock the account for a while, to keep guessers out.`;
  return messageOf(error);
}

/** The sign-in page of a shared (multi-user) Starl: email and password; on success the app opens as that user. */
export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }): VNode {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await sendJson<Me>('/api/auth/login', { email, password }));
    } catch (failure) {
      setError(signInMessage(failure));
    } finally {
      setBusy(false);
    }
  };
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
