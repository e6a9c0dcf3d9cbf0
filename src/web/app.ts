import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AnalyzePage } from './pages/analyze-page.js';
import { onConnection } from './api.js';
import type { Connection } from './api.js';
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

/** The app shell: a header with the pages and the current page. Routes live in the URL's hash. */
export function App(): VNode {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const onHashChange = (): void => setRoute(currentRoute());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
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
