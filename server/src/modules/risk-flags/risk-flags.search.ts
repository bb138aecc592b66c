import { registerSearchSource } from '../search/search.sources.ts';
import { riskWarningsForQuery } from './risk-flags.lookup.ts';
import { kindLabels } from './risk-flags.types.ts';

/**
 * Flags reach the search box of everyone in the tenant, whatever their data scope. A hit carries
 * the customer's name and the warning only; its id is the flag's, which opens nothing (the account
 * id is never given out). Rank 0: a warning comes before ordinary hits.
 */
registerSearchSource({
  type: 'risk_flag',
  order: -1,
  async search(ctx, query, limit) {
    const warnings = await riskWarningsForQuery(ctx.readDb, ctx.principal.tenantId, query, limit);
    const label = kindLabels[ctx.locale ?? 'zh-CN'];
    return warnings.map((w) => ({
      type: 'risk_flag',
      id: w.flagId,
      title: w.name,
      subtitle: `${label[w.kind]}: ${w.reason}${w.flaggingUnitName ? ` (${w.flaggingUnitName})` : ''}`,
      rank: 0,
      titleLength: w.name.length,
      highlight: null,
    }));
  },
});
