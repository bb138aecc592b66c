import type { RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorCodes } from './errors.ts';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCodes) as [keyof typeof errorCodes]),
      message: z.string().describe("in the caller's language"),
      issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional().describe('one entry per invalid field'),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'Error' });

const camel = (s: string) => s.replace(/[-_:]+(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * Every API operation gets a stable operationId (method + path) and the shared error response, so
 * generated clients have names and every 4xx is documented. A route without a summary is refused:
 * the reference page is only useful if each operation says what it does.
 */
export function documentRoute(route: RouteOptions): void {
  const schema = (route.schema ??= {}) as Record<string, unknown>;
  if (schema.hide) return;
  if (!schema.summary) throw new Error(`Route ${String(route.method)} ${route.url} has no schema.summary`);
  const method = [route.method].flat()[0].toLowerCase();
  const path = route.url
    .replace('/api/v1/', '')
    .split('/')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-');
  schema.operationId ??= camel(`${method}-${path}`);
  const response = (schema.response ??= {}) as Record<string, unknown>;
  response['4XX'] ??= errorBodySchema;
}
