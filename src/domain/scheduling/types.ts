/** A facilitator's mark on a pair: `must` and `wish` pairs that do not meet are explained in `unmet`. */
export type Wish = 'must' | 'wish';

export interface Participant {
  readonly id: string;
  /** Rounds (from 1) the participant attends; all rounds when absent. */
  readonly present?: readonly number[];
  /** The participant's own maximum number of meetings. */
  readonly max?: number;
}

export interface WeightedPair {
  readonly a: string;
  readonly b: string;
  readonly w: number;
  readonly wish?: Wish;
}

export interface Pair {
  readonly a: string;
  readonly b: string;
}

/** One speed-dating event, already validated: ids unique per event, `a` on the left, `b` on the right. */
export interface Instance {
  readonly rounds: number;
  readonly tables: number;
  readonly left: readonly Participant[];
  readonly right: readonly Participant[];
  readonly weights: readonly WeightedPair[];
  readonly forbidden?: readonly Pair[];
}

export interface Meeting {
  readonly id: string;
  readonly round: number;
  readonly table: number;
  readonly a: string;
  readonly b: string;
}

export type UnmetCode =
  | 'forbidden'
  | 'never_present_together'
  | 'already_met'
  | 'at_maximum'
  | 'agenda_full'
  | 'fairness'
  | 'table_limit'
  | 'no_common_free_round'
  | 'weight_tradeoff';

export interface Unmet {
  readonly a: string;
  readonly b: string;
  readonly wish: Wish;
  readonly code: UnmetCode;
  /** In French, for the facilitator. */
  readonly reason: string;
  /** The same in English. */
  readonly reasonEn: string;
  /** Whom the busy side meets instead, when that is the reason. */
  readonly instead?: readonly string[];
}

export interface Schedule {
  readonly meetings: readonly Meeting[];
  /** Sum of the weights of `meetings`. */
  readonly weight: number;
  /** An upper bound on the total weight of any schedule reaching `fairness`. */
  readonly bound: number;
  /** Largest m such that every participant meets at least min(m, its cap) others. */
  readonly fairness: number;
  /** The fairness the relaxation allows: no schedule can do better. */
  readonly fairnessBound: number;
  /**
   * Proven best (fairness, then `must` pairs, then weight): without presence windows (unless the
   * weights are too large for `must` pairs to come first exactly); with them when the exact search
   * of a small event finished, or when the schedule reaches both bounds and meets every `must` pair.
   */
  readonly optimal: boolean;
  readonly unmet: readonly Unmet[];
  /** Re-planning only: planned meetings (from the re-planned round on) that changed round, table or partner. */
  readonly moved?: number;
}

/** How to re-plan an event under way; see `planSchedule`. */
export interface Replan {
  readonly previous: readonly Meeting[];
  readonly fromRound: number;
  readonly reoptimize: boolean;
}
