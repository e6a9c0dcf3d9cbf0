import {
  AliasNode,
  AndNode,
  BinaryOperationNode,
  ColumnNode,
  IdentifierNode,
  JoinNode,
  OperationNodeTransformer,
  OnNode,
  OperatorNode,
  ParensNode,
  PrimitiveValueListNode,
  ReferenceNode,
  TableNode,
  ValueListNode,
  ValueNode,
  ValuesNode,
  WhereNode,
} from 'kysely';
import type {
  DeleteQueryNode,
  InsertQueryNode,
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  SelectQueryNode,
  UnknownRow,
  UpdateQueryNode,
} from 'kysely';
import type { StoreDriver } from './driver.js';

/**
 * The tables that hold one user's data; each has an `owner_id` (null: the single-user owner). Every
 * query a scoped store runs on them is filtered to its owner, and every row it inserts is stamped
 * with it, here and nowhere else.
 */
export const OWNED_TABLES = ['companies', 'company_facts', 'sessions', 'session_questions', 'answers', 'recordings', 'stories', 'reviews'] as const;

export const OWNER_COLUMN = 'owner_id';

const owned = new Set<string>(OWNED_TABLES);

/** The table a `from` or join entry names, with the name its columns are referred to by; undefined when it is not a table. */
function tableOf(node: OperationNode): { table: string; refersAs: string } | undefined {
  if (TableNode.is(node)) {
    const name = node.table.identifier.name;
    return { table: name, refersAs: name };
  }
  if (AliasNode.is(node) && TableNode.is(node.node) && IdentifierNode.is(node.alias)) {
    return { table: node.node.table.identifier.name, refersAs: node.alias.name };
  }
  return undefined;
}

/**
 * `(existing) and condition`: the parentheses keep an OR in the query's own condition from swallowing
 * the owner's (`a or b and mine` reads as `a or (b and mine)`).
 */
function withCondition(where: WhereNode | undefined, condition: OperationNode): WhereNode {
  return WhereNode.create(where ? AndNode.create(ParensNode.create(where.where), condition) : condition);
}

/** Rewrites queries so that they only ever see and write one owner's rows. */
class OwnerScopeTransformer extends OperationNodeTransformer {
  constructor(private readonly owner: number | null) {
    super();
  }

  /** `<table>.owner_id = owner`, or `is null` for the single-user owner. */
  private ownerIs(refersAs: string): OperationNode {
    const column = ReferenceNode.create(ColumnNode.create(OWNER_COLUMN), TableNode.create(refersAs));
    return this.owner === null
      ? BinaryOperationNode.create(column, OperatorNode.create('is'), ValueNode.createImmediate(null))
      : BinaryOperationNode.create(column, OperatorNode.create('='), ValueNode.create(this.owner));
  }

  /** Adds the owner filter for every owned table among `froms` to the query's WHERE. */
  private filtered<T extends SelectQueryNode | UpdateQueryNode | DeleteQueryNode>(node: T, froms: readonly OperationNode[]): T {
    let scoped = node;
    for (const from of froms) {
      const table = tableOf(from);
      if (table && owned.has(table.table)) scoped = { ...scoped, where: withCondition(scoped.where, this.ownerIs(table.refersAs)) };
    }
    // A joined owned table is filtered in its ON, so that an outer join keeps its meaning.
    if (scoped.joins) {
      const joins = scoped.joins.map((join) => {
        const table = tableOf(join.table);
        if (!table || !owned.has(table.table)) return join;
        const ownerIs = this.ownerIs(table.refersAs);
        return join.on ? { ...join, on: OnNode.create(AndNode.create(ParensNode.create(join.on.on), ownerIs)) } : JoinNode.cloneWithOn(join, ownerIs);
      });
      scoped = { ...scoped, joins };
    }
    return scoped;
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    return this.filtered(transformed, transformed.from?.froms ?? []);
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const transformed = super.transformUpdateQuery(node);
    return this.filtered(transformed, [...(transformed.table ? [transformed.table] : []), ...(transformed.from?.froms ?? [])]);
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const transformed = super.transformDeleteQuery(node);
    return this.filtered(transformed, transformed.from.froms);
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const transformed = super.transformInsertQuery(node);
    const table = transformed.into?.table.identifier.name;
    if (table === undefined || !owned.has(table)) return transformed;
    const columns = transformed.columns ?? [];
    if (columns.some((column) => column.column.name === OWNER_COLUMN)) throw new Error(`A scoped store never sets ${OWNER_COLUMN} itself (insert into ${table}).`);
    if (!transformed.values || !ValuesNode.is(transformed.values)) throw new Error(`A scoped store inserts into ${table} with VALUES only.`);
    const rows = transformed.values.values.map((row) =>
      PrimitiveValueListNode.is(row) ? PrimitiveValueListNode.create([...row.values, this.owner]) : ValueListNode.create([...row.values, ValueNode.create(this.owner)]),
    );
    return { ...transformed, columns: [...columns, ColumnNode.create(OWNER_COLUMN)], values: ValuesNode.create(rows) };
  }
}

/**
 * The Kysely plugin that confines a connection to one owner's rows: it filters every select, update
 * and delete on an owned table (joins and subqueries too) and stamps every insert, and it drops the
 * owner column from the rows it returns, so code above it never sees or sets ownership.
 */
export class OwnerScope implements KyselyPlugin {
  private readonly transformer: OwnerScopeTransformer;

  constructor(readonly owner: number | null) {
    this.transformer = new OwnerScopeTransformer(owner);
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // Deleting a property V8 never saw slows every later read of the row, so only rows that carry it lose it.
    for (const row of args.result.rows) if (OWNER_COLUMN in row) delete row[OWNER_COLUMN];
    return args.result;
  }
}

/** The same database seen through one owner's scope: every query of it and of its transactions is confined. */
export function scopedDriver(driver: StoreDriver, owner: number | null): StoreDriver {
  const scope = new OwnerScope(owner);
  return {
    dialect: driver.dialect,
    db: driver.db.withPlugin(scope),
    location: driver.location,
    writeTransaction: (work) => driver.writeTransaction((trx) => work(trx.withPlugin(scope)), owner),
    close: () => driver.close(),
  };
}
