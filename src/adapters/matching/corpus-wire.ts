import type { Corpus, PreparedExchange, PreparedProfile } from '../../domain/matching/corpus.ts';
import type { MatchProfile, Place } from '../../domain/matching/model.ts';
import type { SparseVector } from '../../domain/matching/sparse-vector.ts';
import type { Weights } from '../../domain/matching/weights.ts';

/**
 * A prepared corpus in a compact form that crosses to worker threads cheaply: every sparse vector
 * of every profile laid end to end in two shared typed arrays (no copy per thread), the rest as
 * plain data. Per profile the vectors are its needs, its offers, then the six profile-level ones.
 */
export interface WireCorpus {
  profiles: MatchProfile[];
  places: (Place | null)[];
  /** Vector k spans [starts[k], starts[k + 1]) of `ids` and `values`. */
  starts: Int32Array;
  ids: Int32Array;
  values: Float32Array;
  /** textShare, descriptionPivot, needMask, offerMask, themeMask per profile. */
  textShare: Float64Array;
  descriptionPivot: Float64Array;
  masks: Int32Array;
  informativeness: Float64Array;
  terms: string[];
  weights: Weights;
}

const PROFILE_VECTORS = 6;

function vectorsOf(p: PreparedProfile): SparseVector[] {
  return [
    ...p.needs.map((e) => e.vector),
    ...p.offers.map((e) => e.vector),
    p.description,
    p.kinds,
    p.allNeeds,
    p.allOffers,
    p.textNeeds,
    p.textOffers,
  ];
}

function shared<T extends Int32Array | Float32Array | Float64Array>(
  make: (buffer: SharedArrayBuffer, length: number) => T,
  bytesPer: number,
  length: number,
): T {
  return make(new SharedArrayBuffer(Math.max(1, length) * bytesPer), length);
}

export function packCorpus(corpus: Corpus): WireCorpus {
  const n = corpus.profiles.length;
  let vectors = 0;
  let entries = 0;
  for (const p of corpus.profiles)
    for (const v of vectorsOf(p)) {
      vectors += 1;
      entries += v.ids.length;
    }
  const starts = shared((b, l) => new Int32Array(b, 0, l), 4, vectors + 1);
  const ids = shared((b, l) => new Int32Array(b, 0, l), 4, entries);
  const values = shared((b, l) => new Float32Array(b, 0, l), 4, entries);
  const textShare = shared((b, l) => new Float64Array(b, 0, l), 8, n);
  const descriptionPivot = shared((b, l) => new Float64Array(b, 0, l), 8, n);
  const masks = shared((b, l) => new Int32Array(b, 0, l), 4, 3 * n);
  let k = 0;
  let at = 0;
  corpus.profiles.forEach((p, i) => {
    for (const v of vectorsOf(p)) {
      starts[k] = at;
      ids.set(v.ids, at);
      values.set(v.weights, at);
      at += v.ids.length;
      k += 1;
    }
    textShare[i] = p.textShare;
    descriptionPivot[i] = p.descriptionPivot;
    masks[3 * i] = p.needMask;
    masks[3 * i + 1] = p.offerMask;
    masks[3 * i + 2] = p.themeMask;
  });
  starts[k] = at;
  return {
    profiles: corpus.profiles.map((p) => p.profile),
    places: corpus.profiles.map((p) => p.place ?? null),
    starts,
    ids,
    values,
    textShare,
    descriptionPivot,
    masks,
    informativeness: corpus.informativeness,
    terms: corpus.terms,
    weights: { ...corpus.weights },
  };
}

/** The corpus again, its vectors as views on the shared arrays (nothing is copied). */
export function unpackCorpus(wire: WireCorpus): Corpus {
  let k = 0;
  const next = (): SparseVector => {
    const from = wire.starts[k] as number;
    const to = wire.starts[k + 1] as number;
    k += 1;
    return { ids: wire.ids.subarray(from, to), weights: wire.values.subarray(from, to) };
  };
  const profiles = wire.profiles.map((profile, index): PreparedProfile => {
    const exchange = (e: MatchProfile['needs'][number]): PreparedExchange => ({
      category: e.category,
      ...(e.text ? { text: e.text } : {}),
      vector: next(),
    });
    const needs = profile.needs.map(exchange);
    const offers = profile.offers.map(exchange);
    const [description, kinds, allNeeds, allOffers, textNeeds, textOffers] = Array.from(
      { length: PROFILE_VECTORS },
      next,
    ) as [SparseVector, SparseVector, SparseVector, SparseVector, SparseVector, SparseVector];
    const place = wire.places[index];
    return {
      profile,
      index,
      needs,
      offers,
      description,
      descriptionPivot: wire.descriptionPivot[index] as number,
      kinds,
      allNeeds,
      allOffers,
      textNeeds,
      textOffers,
      textShare: wire.textShare[index] as number,
      needMask: wire.masks[3 * index] as number,
      offerMask: wire.masks[3 * index + 1] as number,
      themeMask: wire.masks[3 * index + 2] as number,
      ...(place ? { place } : {}),
      partners: new Set(profile.partners ?? []),
      met: new Set(profile.met ?? []),
    };
  });
  return {
    profiles,
    byId: new Map(wire.profiles.map((p, i) => [p.id, i])),
    informativeness: wire.informativeness,
    terms: wire.terms,
    weights: wire.weights,
  };
}
