import { z } from 'zod';
import { accountOperations } from './account-operations.js';
import { apiOperations, type ApiOperation } from './api-operations.js';
import { errorBodySchema, schemaRegistry } from './schemas.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'The request was malformed or failed validation.',
  401: 'Not signed in (multi-user mode), or a wrong email or password.',
  403: 'The request came from another origin or host, lacked the CSRF token, or the role may not use this route.',
  404: 'Not found.',
  409: 'The session is finished and takes no more answers.',
  413: 'The request body is too large.',
  416: 'The range asked for starts past the end of the recording.',
  429: 'Too many failed sign-ins; the retry-after header says when to try again.',
  503: 'Another Starl process held the database\'s write lock for too long; nothing was changed.',
  507: 'The disk is full; nothing was changed and what was saved before is safe.',
};

/** The API's operations: the single list the OpenAPI document is built from. */
const operations: readonly ApiOperation[] = [...apiOperations, ...accountOperations];

type JsonSchemas = Record<string, Record<string, unknown>>;

/** The registry's schemas as JSON Schema, read as the server reads requests (`input`) or writes responses (`output`). */
function registrySchemas(io: 'input' | 'output', uri: (id: string) => string): JsonSchemas {
  // zod stamps each schema with $schema and an $id equal to its URI; inside an OpenAPI document the
  // dialect is implied and an $id with a fragment is not allowed, so both are dropped.
  return Object.fromEntries(
    Object.entries(z.toJSONSchema(schemaRegistry, { target: 'draft-2020-12', uri, io }).schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

/** The ids of `roots` and of every schema they refer to, through `$ref`s to `#/components/schemas/…`. */
function reachable(roots: readonly string[], schemas: JsonSchemas): Set<string> {
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const match of JSON.stringify(schemas[id] ?? {}).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) visit(match[1]!);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * Builds the OpenAPI 3.1 document from the API's operations and the schema registry, so what the
 * server validates and what it publishes come from the same zod schemas. A request body is described
 * as the server reads it (a field with a default may be left out); a response as the server writes it
 * (every field present, and no field the schema does not name).
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const uri = (id: string): string => `#/components/schemas/${id}`;
  const idOf = (schema: z.ZodType): string => {
    const id = schemaRegistry.get(schema)?.id;
    // Every schema an operation names is registered, so the document references it instead of copying it.
    if (!id) throw new Error('An API operation uses a schema missing from the schema registry.');
    return id;
  };
  const schemaFor = (schema: z.ZodType): unknown => ({ $ref: uri(idOf(schema)) });
  const inputs = registrySchemas('input', uri);
  const outputs = registrySchemas('output', uri);
  const requestIds = reachable(operations.flatMap((op) => (op.request ? [idOf(op.request)] : [])), inputs);
  const responseIds = reachable([...operations.flatMap((op) => (op.response.schema ? [idOf(op.response.schema)] : [])), idOf(errorBodySchema)], outputs);
  for (const id of requestIds) {
    if (responseIds.has(id) && JSON.stringify(inputs[id]) !== JSON.stringify(outputs[id])) {
      throw new Error(`The schema ${id} is both a request and a response and reads differently as each; register one for each.`);
    }
  }
  const componentSchemas = Object.fromEntries(Object.keys(outputs).map((id) => [id, requestIds.has(id) ? inputs[id] : outputs[id]]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const mediaTypes = op.response.mediaTypes ?? ['application/json'];
    const success = op.response.schema;
    const responses: Record<string, unknown> = {
      [op.response.status]: { description: op.response.description, ...(success ? { content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: schemaFor(success) }])) } : {}) },
    };
    for (const status of op.errors) {
      responses[status] = { description: STATUS_TEXT[status] ?? 'Error.', content: { 'application/json': { schema: schemaFor(errorBodySchema) } } };
    }
    // Every path parameter is a numeric id (`/api/sessions/{id}`) but an invitation's token.
    const pathParameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: match[1] === 'token' ? { type: 'string' } : { type: 'integer', minimum: 0 } })),
      ...(op.query ?? []).map((query) => ({ name: query.name, in: 'query', required: query.required ?? false, description: query.description, schema: { type: query.type ?? 'string' } })),
    ];
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(op.multiUserOnly ? { 'x-multi-user-only': true } : {}),
        ...(pathParameters.length > 0 ? { parameters: pathParameters } : {}),
        ...(op.request ? { requestBody: { required: true, content: Object.fromEntries((op.requestMediaTypes ?? ['application/json']).map((type) => [type, { schema: schemaFor(op.request!) }])) } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Starl', version, description: 'The local API of Starl, the offline interview coach.' },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: componentSchemas },
  };
}
