import type { MatchProfile, Place } from './model.ts';

/** Builds a profile for tests with only what the test cares about. */
export function profile(id: string, overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id,
    name: id,
    universe: 'association',
    insee: null,
    description: '',
    needs: [],
    offers: [],
    themes: [],
    ...overrides,
  };
}

const PLACES: Record<string, Place> = {
  '67482': { commune: '67482', epci: '246700488', dep: '67', region: '44', lat: 48.56907, lon: 7.76208 },
  '67218': { commune: '67218', epci: '246700488', dep: '67', region: '44', lat: 48.52195, lon: 7.73017 },
  '67180': { commune: '67180', epci: '200067247', dep: '67', region: '44', lat: 48.8408, lon: 7.8271 },
  '68224': { commune: '68224', epci: '200066009', dep: '68', region: '44', lat: 47.75267, lon: 7.32561 },
  '38185': { commune: '38185', epci: '200040715', dep: '38', region: '84', lat: 45.18423, lon: 5.71554 },
};

/** A stand-in for the official geography, for the communes tests use. */
export const testGeo = (code: string): Place | undefined => PLACES[code];

/** A small directory around the seeds' stories, with distractors sharing their words. */
export const SEED_DIRECTORY: MatchProfile[] = [
  profile('roaster', {
    universe: 'SME',
    insee: '67482',
    description: 'Torréfacteur familial qui conditionne du café pour la grande distribution.',
    needs: [
      {
        category: 'other',
        text: 'Réduire le coût de traitement de nos paquets défectueux et déchets organiques',
      },
    ],
    offers: [{ category: 'materials', text: 'Paquets de café mal scellés, sacs de jute' }],
    themes: ['circular economy and waste'],
  }),
  profile('upcycler', {
    insee: '67218',
    description: "Atelier d'insertion qui crée des objets design à partir de matériaux de récupération.",
    needs: [
      { category: 'materials', text: 'Matière première gratuite : emballages, chutes' },
      { category: 'money' },
    ],
    offers: [{ category: 'purchasing', text: "Cadeaux d'affaires fabriqués sur commande" }],
    themes: ['circular economy and waste', 'employment and inclusion'],
  }),
  profile('it-company', {
    universe: 'large company',
    insee: '67482',
    description: 'Groupe de services informatiques dont les collaborateurs veulent s’engager.',
    needs: [{ category: 'other', text: 'Fédérer nos collaborateurs autour d’une cause' }],
    offers: [{ category: 'volunteers', text: 'Journées solidaires de nos salariés' }, { category: 'skills' }],
    themes: ['digital'],
  }),
  profile('food-bank', {
    insee: '67218',
    description: 'Banque alimentaire qui collecte et redistribue des denrées aux associations.',
    needs: [{ category: 'volunteers', text: 'Bénévoles pour les grandes collectes en magasin' }],
    offers: [{ category: 'visibility' }],
    themes: ['food', 'poverty and solidarity'],
  }),
  profile('fast-food', {
    universe: 'SME',
    insee: '67482',
    description: 'Franchisé de restauration rapide fréquenté par les familles.',
    needs: [{ category: 'visibility', text: 'Ancrage local auprès des familles' }],
    offers: [
      { category: 'money', text: 'Soutien à des projets pour les enfants' },
      { category: 'visibility' },
    ],
    themes: ['education and youth'],
  }),
  profile('circus', {
    insee: '67218',
    description: 'École de cirque qui crée des spectacles dans les quartiers.',
    needs: [{ category: 'money', text: 'Financer des places de spectacle pour les enfants' }],
    offers: [{ category: 'other', text: 'Places de spectacle et ateliers cirque' }],
    themes: ['culture', 'education and youth'],
  }),
  profile('theatre-company', {
    insee: '68224',
    description: 'Compagnie de théâtre en résidence.',
    needs: [{ category: 'premises', text: 'Salle de répétition' }],
    offers: [{ category: 'other', text: 'Spectacles' }],
    themes: ['culture'],
  }),
  profile('printer', {
    universe: 'SME',
    insee: '68224',
    description: 'Imprimerie offset.',
    needs: [{ category: 'purchasing', text: 'Nouveaux clients' }],
    offers: [{ category: 'materials', text: 'Chutes de papier' }],
    themes: ['circular economy and waste'],
  }),
  profile('coworking', {
    universe: 'SME',
    insee: '38185',
    description: 'Espace de bureaux partagés.',
    needs: [{ category: 'purchasing' }],
    offers: [{ category: 'premises', text: 'Salles de réunion à louer' }],
  }),
];
