import type { OrganisationInput } from '../../contracts/organisations.ts';
import { nafSectionOf, parseNaf } from '../../domain/directory/naf.ts';
import type { OrganisationWrite, Services } from '../ports.ts';

type ProfileFields = Pick<
  OrganisationInput,
  'naf' | 'headcountBand' | 'address' | 'postalCode' | 'website' | 'themes' | 'position'
>;

/**
 * The territory of a commune resolved once, at write time: EPCI, département, région and the
 * commune's centre as position (unless a better one is given), so that filters and the map read
 * plain columns.
 */
export function territoryFields(
  services: Pick<Services, 'territory'>,
  communeInsee: string | null,
  position: OrganisationInput['position'],
): Pick<
  OrganisationWrite,
  'epci' | 'departement' | 'region' | 'latitude' | 'longitude' | 'positionPrecision'
> {
  const place = communeInsee ? services.territory.resolve(communeInsee) : undefined;
  const base = {
    epci: place?.epci ?? null,
    departement: place?.departement ?? null,
    region: place?.region ?? null,
  };
  if (position)
    return {
      ...base,
      latitude: position.latitude,
      longitude: position.longitude,
      positionPrecision: 'address',
    };
  if (place?.latitude != null)
    return { ...base, latitude: place.latitude, longitude: place.longitude, positionPrecision: 'commune' };
  return { ...base, latitude: null, longitude: null, positionPrecision: null };
}

/** The profile fields of an input that are present, normalised (NAF dotted, its section derived). */
export function profileFields(input: ProfileFields): Partial<OrganisationWrite> {
  const fields: Partial<OrganisationWrite> = {};
  if (input.naf !== undefined) {
    const naf = input.naf ? parseNaf(input.naf) : null;
    fields.naf = naf;
    fields.nafSection = naf ? nafSectionOf(naf) : null;
  }
  if (input.headcountBand !== undefined) fields.headcountBand = input.headcountBand;
  if (input.address !== undefined) fields.address = input.address || null;
  if (input.postalCode !== undefined) fields.postalCode = input.postalCode;
  if (input.website !== undefined) fields.website = input.website || null;
  if (input.themes !== undefined) fields.themes = [...new Set(input.themes)];
  return fields;
}
