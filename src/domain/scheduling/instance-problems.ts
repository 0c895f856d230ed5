import type { Instance } from './types.ts';

/**
 * The rules an instance's shape cannot say (the CLI checks the shape with Zod first): ids unique
 * across both sides, pairs from the left to the right, rounds within 1..K. Each problem names its
 * place in the file, in French then in English.
 */
export function instanceProblems(instance: Instance): string[] {
  const problems: string[] = [];
  const sideOf = new Map<string, { side: 'left' | 'right'; at: string }>();
  for (const side of ['left', 'right'] as const) {
    instance[side].forEach((p, i) => {
      const at = `${side}[${i}]`;
      const seen = sideOf.get(p.id);
      if (seen) {
        problems.push(
          `${at}.id: identifiant en double « ${p.id} » (déjà ${seen.at}) / duplicate id "${p.id}" (also ${seen.at})`,
        );
      } else {
        sideOf.set(p.id, { side, at });
      }
      (p.present ?? []).forEach((r, j) => {
        if (!Number.isInteger(r) || r < 1 || r > instance.rounds) {
          problems.push(
            `${at}.present[${j}]: tour ${r} hors de 1..${instance.rounds} / round ${r} outside 1..${instance.rounds}`,
          );
        }
      });
    });
  }
  const checkPair = (list: 'weights' | 'forbidden', pair: { a: string; b: string }, i: number): void => {
    const a = sideOf.get(pair.a);
    const b = sideOf.get(pair.b);
    if (!a) problems.push(`${list}[${i}].a: identifiant inconnu « ${pair.a} » / unknown id "${pair.a}"`);
    if (!b) problems.push(`${list}[${i}].b: identifiant inconnu « ${pair.b} » / unknown id "${pair.b}"`);
    if (!a || !b) return;
    if (a.side === b.side) {
      problems.push(
        `${list}[${i}]: « ${pair.a} » et « ${pair.b} » sont du même côté (${a.side}) / "${pair.a}" and "${pair.b}" are on the same side (${a.side})`,
      );
    } else if (a.side !== 'left') {
      problems.push(
        `${list}[${i}]: « a » doit être à gauche et « b » à droite / "a" must be a left id and "b" a right id`,
      );
    }
  };
  instance.weights.forEach((w, i) => {
    checkPair('weights', w, i);
    if (!(typeof w.w === 'number' && Number.isFinite(w.w) && w.w >= 0)) {
      problems.push(`weights[${i}].w: poids négatif ou non numérique / negative or non-numeric weight`);
    }
  });
  (instance.forbidden ?? []).forEach((f, i) => checkPair('forbidden', f, i));
  if (!(Number.isInteger(instance.rounds) && instance.rounds >= 1)) {
    problems.push(`rounds: au moins 1 tour / at least 1 round`);
  }
  if (!(Number.isInteger(instance.tables) && instance.tables >= 1)) {
    problems.push(`tables: au moins 1 table / at least 1 table`);
  }
  return problems;
}
