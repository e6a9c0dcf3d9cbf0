import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { fetchMe, messageOf, setCsrfToken } from './api.js';
import type { Me } from './api.js';

/** Single-user mode: what the page assumes until `/api/me` answers, and whenever it cannot say. */
export const SINGLE_USER: Me = { mode: 'single' };

/** Who is using the page, for any component under the app shell. */
export const MeContext = createContext<Me>(SINGLE_USER);

/** Who is using the page (single-user mode outside the app shell). */
export function useMe(): Me {
  return useContext(MeContext);
}

/**
 * Asks the server once who is using the page and keeps its CSRF token for the writes that follow:
 * null until it answers, and single-user mode if it cannot, where the page looks and works as it always has.
 */
export function useFetchedMe(): Me | null {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    fetchMe().then(
      (answer) => {
        setCsrfToken('csrfToken' in answer ? answer.csrfToken : null);
        setMe(answer);
      },
      (caught: unknown) => {
        console.warn(`Starl stays in single-user mode: ${messageOf(caught)}`);
        setMe(SINGLE_USER);
      },
    );
  }, []);
  return me;
}

/** Whether `me` may open the coach's dashboard: a signed-in coach or admin in multi-user mode. */
export function canCoach(me: Me): boolean {
  return me.mode === 'multi' && me.user !== null && (me.user.role === 'coach' || me.user.role === 'admin');
}

/** Whether `me` is a signed-in candidate, whose answers a coach may comment on. */
export function isCandidate(me: Me): boolean {
  return me.mode === 'multi' && me.user !== null && me.user.role === 'candidate';
}
