import type { AccountsScope } from './scope.js';

export async function audit(scope: AccountsScope, actorId: number | null, action: string, detail: string, address: string | null): Promise<void> {
  await scope.db.insertInto('audit_log').values({ actor_id: actorId, action, detail, address, at: scope.stamp() }).execute();
}

export async function auditLog(scope: AccountsScope): Promise<{ actorId: number | null; action: string; detail: string; address: string | null; at: string }[]> {
  const rows = await scope.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  return rows.map((row) => ({ actorId: row.actor_id, action: row.action, detail: row.detail, address: row.address, at: row.at }));
}
