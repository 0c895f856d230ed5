import { UNIVERSES, type Universe } from '../../../../src/contracts/organisations.ts';

/** Options of a universe select, labelled in the interface language. */
export const universeOptions = (t: (key: string) => string) =>
  UNIVERSES.map((universe) => ({ value: universe, label: t(`universes.${universe}`) }));

export const isUniverse = (value: string | null | undefined): value is Universe =>
  !!value && (UNIVERSES as readonly string[]).includes(value);
