/**
 * The companies of the homework notebook and their research facts. These are the queries behind the
 * store's methods of the same names, where they are documented.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { StarlError } from '../../core/errors.js';
import { MAX_FACT_LENGTH, MAX_SOURCE_LENGTH } from '../../text/limits.js';
import { assertLength, cleanName, tidyName } from '../../text/names.js';
import type { Company, CompanyFact } from '../records.js';
import type { CompaniesTable, CompanyFactsTable, StarlSchema } from '../schema.js';
import { mustExist, rowId, writtenBefore, type ClientKey, type StoreScope } from './rows.js';

/** Folds a company name for lookups, so "ACME Corp", "acme  corp" and the same typed in NFD are one company. */
export function companyKey(name: string): string {
  return tidyName(name).toLowerCase();
}

/** Names to add to a list, each checked as {@link cleanName} checks it; blanks are dropped. */
function cleanNames(names: readonly string[], field: string): string[] {
  return names.filter((name) => tidyName(name) !== '').map((name) => cleanName(name, field));
}

/** Adds names (already cleaned) to a list, keeping the first spelling of each. */
function mergeNames(existing: string[], added: string[]): string[] {
  const seen = new Set(existing.map(companyKey));
  const merged = [...existing];
  for (const name of added) {
    if (seen.has(companyKey(name))) continue;
    seen.add(companyKey(name));
    merged.push(name);
  }
  return merged;
}

function toCompany(row: Selectable<CompaniesTable>): Company {
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    competitors: JSON.parse(row.competitors) as string[],
    contextText: row.context_text,
    contextSource: row.context_source,
    terms: JSON.parse(row.terms) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toFact(row: Selectable<CompanyFactsTable>): CompanyFact {
  return { id: row.id, uid: row.uid, companyId: row.company_id, kind: row.kind, text: row.text, source: row.source, createdAt: row.created_at };
}

/** The row of the company with this name, else the one with this alias. */
async function companyRowNamed(db: Kysely<StarlSchema>, nameOrAlias: string): Promise<Selectable<CompaniesTable> | undefined> {
  const key = companyKey(nameOrAlias);
  const exact = await db.selectFrom('companies').selectAll().where('name_key', '=', key).executeTakeFirst();
  if (exact) return exact;
  const all = await db.selectFrom('companies').selectAll().orderBy('name_key').execute();
  return all.find((row) => (JSON.parse(row.aliases) as string[]).some((alias) => companyKey(alias) === key));
}

/** What `saveCompany` takes; lists are merged into what is already known, text replaces it. */
export interface CompanyInput {
  name: string;
  aliases?: string[];
  competitors?: string[];
  contextText?: string | null;
  contextSource?: string | null;
  terms?: string[];
}

/** What `updateCompany` takes: each field given replaces what was there. */
export interface CompanyPatch {
  name?: string;
  aliases?: string[];
  competitors?: string[];
  /** A new posting, with where it came from and its terms; null removes the posting. */
  contextText?: string | null;
  contextSource?: string | null;
  terms?: string[];
}

export async function saveCompany(scope: StoreScope, input: CompanyInput): Promise<Company> {
  const name = cleanName(input.name, 'name');
  const aliases = cleanNames(input.aliases ?? [], 'alias');
  const competitors = cleanNames(input.competitors ?? [], 'competitor');
  const id = await scope.driver.writeTransaction(async (trx) => {
    const existing = await companyRowNamed(trx, name);
    const at = scope.stamp();
    if (!existing) {
      const row = await trx
        .insertInto('companies')
        .values({
          name,
          name_key: companyKey(name),
          aliases: JSON.stringify(mergeNames([], aliases)),
          competitors: JSON.stringify(mergeNames([], competitors)),
          context_text: input.contextText ?? null,
          context_source: input.contextSource ?? null,
          terms: JSON.stringify(input.terms ?? []),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    const known = toCompany(existing);
    await trx
      .updateTable('companies')
      .set({
        aliases: JSON.stringify(mergeNames(known.aliases, aliases)),
        competitors: JSON.stringify(mergeNames(known.competitors, competitors)),
        context_text: input.contextText === undefined ? known.contextText : input.contextText,
        context_source: input.contextSource === undefined ? known.contextSource : input.contextSource,
        terms: JSON.stringify(input.terms ?? known.terms),
        updated_at: at,
      })
      .where('id', '=', rowId(existing.id))
      .execute();
    return existing.id;
  });
  return requireCompanyById(scope, id);
}

export async function requireCompanyById(scope: StoreScope, id: number): Promise<Company> {
  const row = await scope.driver.db.selectFrom('companies').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) throw new StarlError('E_NOT_FOUND', `there is no company ${id}.`);
  return toCompany(row);
}

export async function findCompany(scope: StoreScope, nameOrAlias: string): Promise<Company | null> {
  const row = await companyRowNamed(scope.driver.db, nameOrAlias);
  return row ? toCompany(row) : null;
}

export async function requireCompany(scope: StoreScope, nameOrAlias: string): Promise<Company> {
  const company = await findCompany(scope, nameOrAlias);
  if (!company) {
    throw new StarlError('E_NOT_FOUND', `no company called "${nameOrAlias}"; add it with: starl company add "${nameOrAlias}"`);
  }
  return company;
}

export async function listCompanies(scope: StoreScope): Promise<Company[]> {
  const rows = await scope.driver.db.selectFrom('companies').selectAll().orderBy('name_key').execute();
  return rows.map(toCompany);
}

export async function updateCompany(scope: StoreScope, id: number, patch: CompanyPatch): Promise<Company> {
  await scope.driver.writeTransaction(async (trx) => {
    const row = await trx.selectFrom('companies').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
    if (!row) throw new StarlError('E_NOT_FOUND', `there is no company ${id}.`);
    const name = patch.name === undefined ? row.name : cleanName(patch.name, 'name');
    const clash = await trx.selectFrom('companies').select('name').where('name_key', '=', companyKey(name)).where('id', '!=', id).executeTakeFirst();
    if (clash) throw new StarlError('E_USAGE', `another company is already called "${clash.name}".`, { field: 'name' });
    await trx
      .updateTable('companies')
      .set({
        name,
        name_key: companyKey(name),
        ...(patch.aliases ? { aliases: JSON.stringify(mergeNames([], cleanNames(patch.aliases, 'alias'))) } : {}),
        ...(patch.competitors ? { competitors: JSON.stringify(mergeNames([], cleanNames(patch.competitors, 'competitor'))) } : {}),
        ...(patch.contextText !== undefined ? { context_text: patch.contextText, context_source: patch.contextSource ?? null, terms: JSON.stringify(patch.terms ?? []) } : {}),
        updated_at: scope.stamp(),
      })
      .where('id', '=', rowId(id))
      .execute();
  });
  return requireCompanyById(scope, id);
}

export async function deleteCompany(scope: StoreScope, id: number): Promise<{ facts: number }> {
  return scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'companies', id, `there is no company ${id}.`);
    const facts = await trx.deleteFrom('company_facts').where('company_id', '=', rowId(id)).executeTakeFirst();
    await trx.updateTable('sessions').set({ company_id: null }).where('company_id', '=', rowId(id)).execute();
    await trx.deleteFrom('companies').where('id', '=', rowId(id)).execute();
    return { facts: Number(facts.numDeletedRows) };
  });
}

export async function addFact(scope: StoreScope, companyId: number, fact: { kind: string; text: string; source: string } & ClientKey): Promise<CompanyFact> {
  assertLength(fact.text, 'fact', MAX_FACT_LENGTH);
  assertLength(fact.source, 'source', MAX_SOURCE_LENGTH);
  const id = await scope.driver.writeTransaction(async (trx) => {
    const earlier = await writtenBefore(trx, 'company_facts', fact.clientId);
    if (earlier !== null) return earlier;
    await mustExist(trx, 'companies', companyId, `there is no company ${companyId}.`);
    const row = await trx
      .insertInto('company_facts')
      .values({
        uid: randomUUID(),
        company_id: companyId,
        kind: fact.kind,
        text: fact.text,
        source: fact.source,
        created_at: scope.stamp(),
        client_id: fact.clientId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return requireFact(scope, id);
}

export async function requireFact(scope: StoreScope, id: number): Promise<CompanyFact> {
  const row = await scope.driver.db.selectFrom('company_facts').selectAll().where('id', '=', rowId(id)).executeTakeFirst();
  if (!row) throw new StarlError('E_NOT_FOUND', `there is no fact ${id}.`);
  return toFact(row);
}

export async function factsOf(scope: StoreScope, companyId: number): Promise<CompanyFact[]> {
  const rows = await scope.driver.db.selectFrom('company_facts').selectAll().where('company_id', '=', rowId(companyId)).orderBy('id').execute();
  return rows.map(toFact);
}

export async function deleteFact(scope: StoreScope, id: number): Promise<void> {
  await scope.driver.writeTransaction(async (trx) => {
    await mustExist(trx, 'company_facts', id, `there is no fact ${id}.`);
    await trx.deleteFrom('company_facts').where('id', '=', rowId(id)).execute();
  });
}
