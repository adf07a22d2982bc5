import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** A JSON schema as the OpenAPI document gives it, references resolved (enough of it to generate values). */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI template, e.g. `/api/laos/{code}/services/{serviceKey}`. */
  template: string;
  pathParams: string[];
  query: Record<string, Schema>;
  /** The content type the route declares, and its schema when it is JSON. */
  body?: { contentType: string; schema: Schema };
}

interface RawSchema extends Omit<Schema, 'items' | 'properties'> {
  $ref?: string;
  allOf?: RawSchema[];
  items?: RawSchema;
  properties?: Record<string, RawSchema>;
}
interface RawParameter {
  name: string;
  in: string;
  schema?: RawSchema;
}
interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { content?: Record<string, { schema?: RawSchema }> };
}
interface RawDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, RawSchema> };
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every operation of the app's own OpenAPI document, built as main.ts builds it. */
export function routesOf(app: INestApplication): Route[] {
  const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build()) as unknown as RawDocument;
  const components = doc.components?.schemas ?? {};
  const resolve = (raw: RawSchema | undefined, depth = 0): Schema => {
    if (!raw || depth > 8) return {};
    if (raw.$ref) return resolve(components[raw.$ref.split('/').pop() ?? ''], depth + 1);
    if (raw.allOf) return raw.allOf.reduce<Schema>((acc, part) => merge(acc, resolve(part, depth + 1)), {});
    const { items, properties, ...rest } = raw;
    return {
      ...rest,
      ...(items ? { items: resolve(items, depth + 1) } : {}),
      ...(properties
        ? {
            properties: Object.fromEntries(
              Object.entries(properties).map(([k, v]) => [k, resolve(v, depth + 1)]),
            ),
          }
        : {}),
    };
  };
  const routes: Route[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = operations[method.toLowerCase()];
      if (!op) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      routes.push({
        method,
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          params.filter((p) => p.in === 'query').map((p) => [p.name, resolve(p.schema)]),
        ),
        body: contentType ? { contentType, schema: resolve(content[contentType].schema) } : undefined,
      });
    }
  }
  return routes.sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

function merge(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: { ...(a.properties ?? {}), ...(b.properties ?? {}) },
    required: [...(a.required ?? []), ...(b.required ?? [])],
  };
}
