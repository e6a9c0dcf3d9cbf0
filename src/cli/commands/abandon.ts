import { StarlError } from '../../core/errors.js';
import { withStore } from '../../storage/index.js';
import { countOf } from '../../format/plural.js';
import { requireYes } from '../confirm.js';
import { print } from '../print.js';

/**
 * `starl practice --abandon [SESSION] --yes`: deletes an unfinished session (default: the newest) with
 * its plan, answers and recordings, so it no longer waits to be resumed.
 */
export async function abandonSession(db: string | undefined, session: number | true, yes: boolean | undefined): Promise<void> {
  await withStore(db, async (store) => {
    const found = session === true ? await store.latestActiveSession() : await store.requireSession(session);
    if (!found) throw new StarlError('E_NOT_FOUND', 'there is no unfinished practice session to abandon');
    if (found.status !== 'active') throw new StarlError('E_USAGE', `practice session ${found.id} is finished; only an unfinished one can be abandoned`);
    const answered = (await store.answersOf(found.id)).length;
    const recorded = (await store.recordingsOf(found.id)).length;
    requireYes(yes, `unfinished session ${found.id} and its ${countOf(answered, 'saved answer')}${recorded > 0 ? ` (${countOf(recorded, 'recording')})` : ''}`);
    await store.deleteSession(found.id, { onlyUnfinished: true });
    print(`Abandoned session ${found.id}.\n`);
  }, { create: false });
}
