import { CATEGORY_LABEL, de, quote, THEME_LABEL } from './labels.ts';
import type { Match, PairScore } from './score.ts';
import type { MatchProfile } from './model.ts';
import { UNIVERSE_LABEL } from './universe.ts';

/**
 * One or two French sentences a facilitator can read aloud, addressed to the organisation the
 * list is for ("vous"), about the suggested one ("ils"): first the exchange, then the context.
 */
export function explain(
  pair: PairScore,
  seeker: MatchProfile,
  candidate: MatchProfile,
  improbable = false,
): string {
  const forward = pair.forward.matches[0];
  const backward = pair.backward.matches[0];
  const forwardFirst = (forward?.value ?? 0) >= (backward?.value ?? 0);
  const clauses: string[] = [];
  const first = forwardFirst ? forward : backward;
  const second = forwardFirst ? backward : forward;
  if (first)
    clauses.push(exchangeClause(first, forwardFirst ? 'votre' : 'leur', forwardFirst ? candidate : seeker));
  if (second && first && second.isStrong && second.value >= 0.5 * first.value) {
    clauses.push(
      `et ${exchangeClause(second, forwardFirst ? 'leur' : 'votre', forwardFirst ? seeker : candidate)}`,
    );
  }
  const exchange =
    clauses.length > 0
      ? capitalise(clauses.join(', '))
      : candidate.description.trim()
        ? `Leur activité (${quote(candidate.description, 50)}) peut compléter la vôtre`
        : 'Aucun besoin ni aucune offre déclarés ne se répondent encore';

  const context = [`${UNIVERSE_LABEL[seeker.universe]} × ${UNIVERSE_LABEL[candidate.universe]}`];
  if (pair.sharedThemes.length > 0) {
    const themes = pair.sharedThemes.slice(0, 2).map((t) => THEME_LABEL[t]);
    context.push(`${themes.length > 1 ? 'thèmes communs' : 'thème commun'} : ${themes.join(', ')}`);
  }
  const place = proximityPhrase(pair);
  if (place) context.push(place);
  const lead = improbable ? 'Rencontre improbable : peu de mots en commun, mais ' : '';
  return `${lead}${improbable ? lowerFirst(exchange) : exchange} ; ${context.join(' ; ')}.`;
}

function exchangeClause(m: Match, needOwner: 'votre' | 'leur', giver: MatchProfile): string {
  const giverOwner = needOwner === 'votre' ? 'leur' : 'votre';
  const need = `${needOwner} besoin ${de(CATEGORY_LABEL[m.need.category])}${m.need.text ? ` (${quote(m.need.text, 50)})` : ''}`;
  if (!m.offer) {
    const activity = giver.description ? ` (${quote(giver.description, 50)})` : '';
    return `${need} correspond à ${giverOwner} activité${activity}`;
  }
  const offer = `${giverOwner} offre ${de(CATEGORY_LABEL[m.offer.category])}${m.offer.text ? ` (${quote(m.offer.text, 50)})` : ''}`;
  // A partial fit (equipment asked, materials offered) is said as a possibility, not a match.
  return `${need} ${m.isStrong ? 'rencontre' : 'pourrait trouver une réponse dans'} ${offer}`;
}

function proximityPhrase(pair: PairScore): string | undefined {
  const { level, km } = pair.proximity;
  if (level === 'commune') return 'même commune';
  if (km !== undefined && km < 60) return `à ${Math.max(1, Math.round(km))} km`;
  if (level === 'epci') return 'même intercommunalité';
  if (level === 'departement') return 'même département';
  if (level === 'region') return 'même région';
  return undefined;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
