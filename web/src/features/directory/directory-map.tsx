import { Anchor, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MapPointsSchema, type MapPoints } from '../../../../src/contracts/directory.ts';
import { api, toQuery } from '../../lib/api.ts';
import { filterParams, type OrganisationFilters } from './queries.ts';

const WIDTH = 640;
const HEIGHT = 420;
const TILE = 256;

/**
 * The tile server, configurable at build time (`VITE_LABO_TILE_URL`, e.g.
 * `https://tile.openstreetmap.org/{z}/{x}/{y}.png`, with the server's origin added to the CSP's
 * img-src). Without one, or when tiles fail, the markers are drawn on a plain background: the map
 * never blocks the page.
 */
const TILE_URL: string | undefined = import.meta.env['VITE_LABO_TILE_URL'];

const mercatorX = (lon: number, z: number) => ((lon + 180) / 360) * TILE * 2 ** z;
const mercatorY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * TILE * 2 ** z;
};

const COLOURS: Record<string, string> = {
  association: '#c2255c',
  sme: '#1971c2',
  large_company: '#0b7285',
  public_body: '#5f3dc4',
  social_enterprise: '#2b8a3e',
  cooperative: '#e67700',
};

function useMapPoints(filters: OrganisationFilters) {
  return useQuery({
    queryKey: ['organisations', 'map', { ...filters, page: 1 }],
    queryFn: ({ signal }) =>
      api(
        `/api/organisations/map${toQuery({ ...filterParams(filters), page: undefined, pageSize: undefined })}`,
        { schema: MapPointsSchema, signal },
      ),
  });
}

/** Fits the points in the frame: the largest zoom where their box fits, centred. */
function frame(points: MapPoints['items']) {
  const lats = points.map((p) => p.latitude);
  const lons = points.map((p) => p.longitude);
  const [minLat, maxLat, minLon, maxLon] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  let z = 12;
  while (
    z > 3 &&
    (mercatorX(maxLon, z) - mercatorX(minLon, z) > WIDTH - 40 ||
      mercatorY(minLat, z) - mercatorY(maxLat, z) > HEIGHT - 40)
  )
    z--;
  const cx = (mercatorX(minLon, z) + mercatorX(maxLon, z)) / 2;
  const cy = (mercatorY(minLat, z) + mercatorY(maxLat, z)) / 2;
  return { z, left: cx - WIDTH / 2, top: cy - HEIGHT / 2 };
}

/** The directory's map: one marker per organisation of the filtered list, each a link to its page. */
export function DirectoryMap({ filters }: { filters: OrganisationFilters }) {
  const { t } = useTranslation();
  const points = useMapPoints(filters);
  const [tilesFailed, setTilesFailed] = useState(false);
  const navigate = useNavigate();
  const items = points.data?.items ?? [];
  if (points.isError) return <Text c="dimmed">{t('directory.map.unavailable')}</Text>;
  if (items.length === 0)
    return <Text c="dimmed">{points.isPending ? t('directory.map.loading') : t('directory.map.empty')}</Text>;
  const { z, left, top } = frame(items);
  const tiles: { x: number; y: number }[] = [];
  if (TILE_URL && !tilesFailed) {
    for (let x = Math.floor(left / TILE); x <= Math.floor((left + WIDTH) / TILE); x++)
      for (let y = Math.floor(top / TILE); y <= Math.floor((top + HEIGHT) / TILE); y++) tiles.push({ x, y });
  }
  return (
    <Paper withBorder p="xs" component="figure" m={0} aria-label={t('directory.map.label')}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby="directory-map-caption"
        style={{ background: '#eef3f7', display: 'block' }}
      >
        {tiles.map(({ x, y }) => (
          <image
            key={`${x}/${y}`}
            href={TILE_URL!.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y))}
            x={x * TILE - left}
            y={y * TILE - top}
            width={TILE}
            height={TILE}
            onError={() => setTilesFailed(true)}
          />
        ))}
        {items.map((p) => (
          // Markers are a pointer shortcut; the list below carries the same links for keyboards and screen readers.
          <circle
            key={p.id}
            cx={mercatorX(p.longitude, z) - left}
            cy={mercatorY(p.latitude, z) - top}
            r={4}
            fill={COLOURS[p.universe] ?? '#495057'}
            fillOpacity={0.75}
            stroke="#fff"
            strokeWidth={1}
            style={{ cursor: 'pointer' }}
            onClick={() => void navigate(`/annuaire/${p.id}`)}
          >
            <title>{p.name}</title>
          </circle>
        ))}
      </svg>
      <Text component="figcaption" id="directory-map-caption" size="xs" c="dimmed" mt={4}>
        {t('directory.map.caption', { count: items.length })}
        {points.data?.truncated ? ` ${t('directory.map.truncated')}` : ''} {t('directory.map.attribution')}{' '}
        <Anchor component={Link} to="#organisations-list" size="xs" underline="always">
          {t('directory.map.skip')}
        </Anchor>
      </Text>
    </Paper>
  );
}
