import type { Match, PairScore } from './score.ts';
import type { MatchProfile, PartnershipType } from './model.ts';
import { FAMILY } from './universe.ts';

const GIVING = new Set(['money', 'volunteers', 'skills', 'equipment', 'visibility']);

/**
 * The Le Rameau partnership type that fits the main exchange: who gives what to whom. A company
 * giving money, time or kind to a non-profit is mécénat; buying from the social economy is a
 * responsible practice; supply, waste streams and pooling between economic actors are economic
 * cooperation; research, or a two-way exchange of know-how, builds a new solution together.
 */
export function partnershipType(
  pair: PairScore,
  seeker: MatchProfile,
  candidate: MatchProfile,
): PartnershipType {
  const forwardMain = pair.forward.matches[0];
  const backwardMain = pair.backward.matches[0];
  const isForward = (forwardMain?.value ?? 0) >= (backwardMain?.value ?? 0);
  const main: Match | undefined = isForward ? forwardMain : backwardMain;
  const giver = isForward ? candidate : seeker;
  const needer = isForward ? seeker : candidate;
  const giverFamily = FAMILY[giver.universe];
  const neederFamily = FAMILY[needer.universe];
  const category = main?.offer?.category ?? main?.need.category ?? 'other';

  if (giverFamily === 'university' || neederFamily === 'university') return 'innovation sociétale';
  const twoWay =
    Math.min(pair.forward.value, pair.backward.value) >
    0.6 * Math.max(pair.forward.value, pair.backward.value);
  if (category === 'purchasing') {
    const oneIsCompanyOrPublic = [giverFamily, neederFamily].some((f) => f === 'company' || f === 'public');
    return oneIsCompanyOrPublic && [giverFamily, neederFamily].includes('ess')
      ? 'pratiques responsables'
      : 'coopération économique';
  }
  // Goods given to a charity are a gift in kind (tax-deductible mécénat in France); the same goods
  // sold or supplied to a social enterprise are trade.
  const isCharity =
    (needer.universe === 'association' || needer.universe === 'foundation') &&
    needer.themes.includes('poverty and solidarity');
  if ((category === 'materials' || category === 'equipment') && giverFamily !== 'ess' && isCharity)
    return 'mécénat';
  if (
    category === 'other' &&
    neederFamily === 'ess' &&
    (giverFamily === 'company' || giverFamily === 'public')
  )
    return 'mécénat';
  if (category === 'materials' || category === 'premises') {
    return giverFamily === 'company' && neederFamily === 'ess' && category === 'premises'
      ? 'mécénat'
      : 'coopération économique';
  }
  if (giverFamily === 'ess' && neederFamily === 'company') return 'pratiques responsables';
  if (category === 'expertise' && twoWay) return 'innovation sociétale';
  if (GIVING.has(category) || category === 'expertise') {
    if (giverFamily === 'company' || giverFamily === 'foundation') return 'mécénat';
    if (giverFamily === 'investor' || giverFamily === 'public') return 'coopération économique';
  }
  return twoWay ? 'innovation sociétale' : 'coopération économique';
}
