import { StarlError } from '../core/errors.js';

/**
 * Deleting is never done by accident: without `--yes` a delete command says what it would remove and
 * stops with a usage error, changing nothing.
 */
export function requireYes(yes: boolean | undefined, what: string): void {
  if (!yes) throw new StarlError('E_USAGE', `this deletes ${what}; nothing was changed. Add --yes to delete`);
}
