import type { DemoPart } from '../generator.ts';
import { customersPart } from './customers.ts';
import { duplicatesPart } from './duplicates.ts';
import { ordersPart } from './orders.ts';
import { orgPart } from './org.ts';
import { riskFlagsPart } from './risk-flags.ts';
import { salesPart } from './sales.ts';

/**
 * Every part of the demo/bench company, in the order they run. A capability adds its data by
 * writing parts/<capability>.ts and one line here, after the parts whose records it refers to
 * (accounts after org, opportunities after accounts). org must stay first.
 */
export const demoParts: readonly DemoPart[] = [orgPart, customersPart, duplicatesPart, riskFlagsPart, salesPart, ordersPart];
