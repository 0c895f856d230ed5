import type { Category } from './model.ts';

/**
 * Which offer categories answer a need category, and how well (1 = the natural answer). Read
 * row by row: a need for `skills` is answered by an offer of skills, less well by expertise or
 * volunteers. NOTE: `purchasing` covers both sides of a trade (a buyer's purchases and a
 * seller's outlets), so it answers itself.
 */
export const ANSWERS: Readonly<Record<Category, Partial<Record<Category, number>>>> = {
  skills: { skills: 1, expertise: 0.8, volunteers: 0.6 },
  volunteers: { volunteers: 1, skills: 0.7 },
  money: { money: 1 },
  equipment: { equipment: 1, materials: 0.6, premises: 0.2 },
  premises: { premises: 1, equipment: 0.2 },
  materials: { materials: 1, equipment: 0.5 },
  purchasing: { purchasing: 1 },
  visibility: { visibility: 1 },
  expertise: { expertise: 1, skills: 0.8, volunteers: 0.3 },
  // A bare "other" says nothing: only its text can match.
  other: {},
};

export function answers(need: Category, offer: Category): number {
  return ANSWERS[need][offer] ?? 0;
}

/** Concepts of the field vocabulary that a bare category stands for (profiles without text). */
export const CATEGORY_CONCEPTS: Readonly<Record<Category, readonly string[]>> = {
  skills: ['competences', 'benevolat'],
  volunteers: ['benevolat'],
  money: ['financement'],
  equipment: ['equipement'],
  premises: ['locaux'],
  materials: ['gisement'],
  purchasing: ['achat'],
  visibility: ['visibilite'],
  expertise: ['competences', 'formation'],
  other: [],
};
