import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/context.ts';
import { parseSearchQuery } from '../../platform/text/search-query.ts';
import { listSearchSources } from './search.sources.ts';
import { searchQuery, searchResponse } from './search.types.ts';

const tags = ['Search'];

export async function searchRoutes(server: FastifyInstance) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  // Signed-in is enough to ask: each source returns only records the caller may read, in their scope.
  app.get('/search', {
    config: { permission: { signedIn: true } },
    schema: {
      tags,
      summary: 'One search box over accounts and contacts: Chinese name parts, pinyin, initials, phone, e-mail, credit code',
      querystring: searchQuery,
      response: { 200: searchResponse },
    },
  }, async (req) => {
    const ctx = contextOf(req);
    const query = parseSearchQuery(req.query.q);
    const wanted = req.query.types?.split(',').map((t) => t.trim());
    const sources = listSearchSources().filter((s) => !wanted || wanted.includes(s.type));
    const results = [];
    // One after another: PGlite has a single connection, and PostgreSQL answers each in about a millisecond.
    for (const source of sources) results.push(...(await source.search(ctx, query, req.query.limit)).map((hit) => ({ hit, order: source.order })));
    results.sort((a, b) => a.hit.rank - b.hit.rank || a.order - b.order || a.hit.titleLength - b.hit.titleLength);
    return {
      items: results.slice(0, req.query.limit).map(({ hit }) => ({
        type: hit.type, id: hit.id, title: hit.title, subtitle: hit.subtitle, rank: hit.rank, highlight: hit.highlight,
      })),
    };
  });
}
