import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AnalyzePage } from './pages/analyze-page.js';
import { ApiError, getJson, messageOf, onConnection, onSignedOut, sendJson, setCsrfToken } from './api.js';
import type { Connection, Me } from './api.js';
import { InvitationPage } from './pages/invitation-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { CompaniesPage } from './pages/companies-page.js';
import { DataPage } from './pages/data-page.js';
import { PracticePage } from './pages/practice-page.js';
import { ProgressPage } from './pages/progress-page.js';
import { ReviewPage } from './pages/review-page.js';
import { StoriesPage } from './pages/stories-page.js';
import { canCoach, MeContext, SINGLE_USER, useFetchedMe } from './me.js';
import { CoachPage } from './pages/coach-page.js';

/** A page: its `#/` route, its title in the navigation, and who sees it (everyone when `shownTo` is absent). */
interface Page {
  route: string;
  title: string;
  /** Gets what follows the route in the URL (`#/coach/3` gives `['3']`). */
  component: (props: { path: readonly string[] }) => VNode;
  /** Whether this user sees the page, from who `/api/me` says they are. */
  shownTo?: typeof canCoach;
}

/** The pages, by their `#/` route; the first is the home page. */
const PAGES: Page[] = [
  { route: 'practice', title: 'Practice', component: PracticePage },
  { route: 'analyze', title: 'Analyze', component: AnalyzePage },
  { route: 'review', title: 'Review', component: ReviewPage },
  { route: 'companies', title: 'Companies', component: CompaniesPage },
  { route: 'stories', title: 'Stories', component: StoriesPage },
  { route: 'progress', title: 'Progress', component: ProgressPage },
  { route: 'coach', title: 'Coach', component: CoachPage, shownTo: canCoach },
  { route: 'data', title: 'Your data', component: DataPage },
];

function currentRoute(): string {
  return location.hash.replace(/^#\/?/, '') || PAGES[0]!.route;
}

/** The route of an invitation link: `#/invitation/<token>`. */
const INVITATION_ROUTE = /^invitation\/([\w-]+)$/;

/**
 * Asks the server who is signed in before showing anything: in single-user mode the app opens at once,
 * as always; on a shared (multi-user) Starl, a signed-out visitor gets the sign-in page, or the
 * invitation page when they followed an invitation link.
 */
export function App(): VNode {
  const [me, setMe] = useState<Me | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [route, setRoute] = useState(currentRoute());
  const signIn = (next: Me): void => {
    setCsrfToken(next.mode === 'multi' && next.user ? next.csrfToken : null);
    setMe(next);
  };
  // Unknown while the server cannot be reached: the pages open as in single-user mode, with the
  // offline banner and what was typed kept, and the question is asked again once it answers.
  const [unknown, setUnknown] = useState(false);
  const askWhoIsSignedIn = (): void => {
    getJson<Me>('/api/me').then(
      (next) => {
        setUnknown(false);
        signIn(next);
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'E_OFFLINE') {
          setUnknown(true);
          setMe((known) => known ?? { mode: 'single' });
        } else setFailure(messageOf(error));
      },
    );
  };
  useEffect(askWhoIsSignedIn, []);
  useEffect(() => onSignedOut(askWhoIsSignedIn), []);
  useEffect(() => onConnection((connection) => connection === 'online' && unknown && askWhoIsSignedIn()), [unknown]);
  useEffect(() => {
    const onHashChange = (): void => setRoute(currentRoute());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  if (!me) return html`<main id="main" tabindex="-1">${failure ? html`<p class="error" role="alert">${failure}</p>` : html`<p class="placeholder">Starting Starl…</p>`}</main>`;
  if (me.mode === 'multi' && !me.user) {
    const invitation = INVITATION_ROUTE.exec(route);
    return html`<header class="top"><h1 class="brand">Starl</h1></header>
      <main id="main" tabindex="-1">${invitation ? html`<${InvitationPage} token=${invitation[1]!} onSignedIn=${signIn} />` : html`<${SignInPage} onSignedIn=${signIn} />`}</main>`;
  }
  const signOut = async (): Promise<void> => {
    await sendJson('/api/auth/logout', {}).catch(() => undefined);
    signIn({ mode: 'multi', user: null });
  };
  return html`<${Shell} route=${route} account=${me.mode === 'multi' && me.user ? html`<p class="account">${me.user.name} <button type="button" onClick=${signOut}>Sign out</button></p>` : null} />`;
}

/** The app shell: a header with the pages and the current page. Routes live in the URL's hash. */
function Shell({ route, account }: { route: string; account: VNode | null }): VNode {
  // One banner for the whole app while the server does not answer; the next answer clears it.
  const [connection, setConnection] = useState<Connection>('online');
  useEffect(() => onConnection(setConnection), []);
  // Until the server says who is using the page, it is the single-user app; a coach's page waits for the answer.
  const fetched = useFetchedMe();
  const me = fetched ?? SINGLE_USER;
  const pages = PAGES.filter((p) => p.shownTo?.(me) ?? true);
  const [name = '', ...path] = route.split('/');
  const page = pages.find((p) => p.route === name);
  const waiting = !page && fetched === null && PAGES.some((p) => p.route === name);
  useEffect(() => {
    document.title = page ? `${page.title} · Starl` : 'Starl';
  }, [page]);
  return html`<${MeContext.Provider} value=${me}><a class="skip" href="#main" onClick=${(e: Event) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
    <header class="top">
      <h1 class="brand">Starl</h1>
      <nav aria-label="Pages">
        <ul>
          ${pages.map((p) => html`<li key=${p.route}><a href=${`#/${p.route}`} aria-current=${p === page ? 'page' : undefined}>${p.title}</a></li>`)}
        </ul>
      </nav>
      ${account}
    </header>
    ${connection === 'offline'
      ? html`<p class="offline" role="alert">Starl's server cannot be reached, so nothing can be saved or loaded right now. Start it again with <code>starl serve</code>; what you typed is kept in this browser.</p>`
      : null}
    <main id="main" tabindex="-1">
      ${page
        ? html`<${page.component} path=${path} />`
        : waiting
          ? html`<p class="placeholder">Loading…</p>`
          : html`<p role="alert">There is no page "${route}". <a href="#/analyze">Go to Analyze</a>.</p>`}
    </main></${MeContext.Provider}>`;
}
