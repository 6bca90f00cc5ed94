import { IndicatorSums } from '../../core/indicator-sums';

// Small-cell suppression (小数抑制) for viewers without person-level access.
//
// It works on the counts of persons behind every figure ("base columns"), for every district of the
// tree at once, so that the pattern does not depend on which report (level, parent, indicators) is
// asked for: two reports can then never be played against each other to recover a hidden cell.
//
// 1. Primary: a count of persons from 1 to threshold - 1 is suppressed. Zero is shown (it discloses
//    no one; the source article itself publishes zeros).
// 2. Complementary, repeated until nothing changes:
//    - along a column, for each parent P and its children (a report's total and rows are always a
//      parent and its descendants): if P is shown and exactly one child is suppressed, suppress the
//      smallest shown child too (a positive one first), or P when no child is left; if P is
//      suppressed but none of its children, suppress the smallest child (else P = their sum);
//    - along a row, for columns that add up (registered = abstinent + current, and the hidden parts
//      of rates): if exactly one of the three is suppressed, suppress the smallest other one.
// 3. A rate is suppressed when its numerator or denominator is (see indicator-definitions.ts).

// Counts of persons the figures are built from. The last three are not figures of their own; they
// are the complements that make a rate's numerator recoverable from its denominator.
export const BASE_COLUMNS = [
  'suspectsArrested',
  'fugitivesArrested',
  'drugUseDetections',
  'outflowTraffickers',
  'newUsers',
  'registeredUsers',
  'abstinentThreeYears',
  'currentUsers',
  'compulsoryIsolationAdmissions',
  'communityOrders',
  'communityOrdersExecuted',
  'communityEnded',
  'communityCompleted',
  'absconded',
  'openCommunityPersons',
  'employedOpenCommunityPersons',
  'employmentAssisted',
  'liftedOutOfPoverty',
  'riskRed',
  'riskOrange',
  'riskYellow',
  'riskGreen',
  'communityOrdersNotExecuted',
  'communityEndedNotCompleted',
  'openCommunityNotEmployed',
] as const;

export type BaseColumn = (typeof BASE_COLUMNS)[number];
export type BaseValues = Record<BaseColumn, number>;

// [whole, part, rest]: whole = part + rest in every district.
export const ADDITIVE_TRIPLES: ReadonlyArray<readonly [BaseColumn, BaseColumn, BaseColumn]> = [
  ['registeredUsers', 'abstinentThreeYears', 'currentUsers'],
  ['communityOrders', 'communityOrdersExecuted', 'communityOrdersNotExecuted'],
  ['communityEnded', 'communityCompleted', 'communityEndedNotCompleted'],
  ['openCommunityPersons', 'employedOpenCommunityPersons', 'openCommunityNotEmployed'],
];

export function baseValues(s: IndicatorSums): BaseValues {
  return {
    suspectsArrested: s.suspectsArrested,
    fugitivesArrested: s.fugitivesArrested,
    drugUseDetections: s.drugUseDetections,
    outflowTraffickers: s.outflowTraffickers,
    newUsers: s.newUsers,
    registeredUsers: s.registeredUsers,
    abstinentThreeYears: s.abstinentThreeYears,
    currentUsers: s.registeredUsers - s.abstinentThreeYears,
    compulsoryIsolationAdmissions: s.compulsoryIsolationAdmissions,
    communityOrders: s.communityOrders,
    communityOrdersExecuted: s.communityOrdersExecuted,
    communityEnded: s.communityEnded,
    communityCompleted: s.communityCompleted,
    absconded: s.absconded,
    openCommunityPersons: s.openCommunityPersons,
    employedOpenCommunityPersons: s.employedOpenCommunityPersons,
    employmentAssisted: s.employmentAssisted,
    liftedOutOfPoverty: s.liftedOutOfPoverty,
    riskRed: s.riskRed,
    riskOrange: s.riskOrange,
    riskYellow: s.riskYellow,
    riskGreen: s.riskGreen,
    communityOrdersNotExecuted: s.communityOrders - s.communityOrdersExecuted,
    communityEndedNotCompleted: s.communityEnded - s.communityCompleted,
    openCommunityNotEmployed: s.openCommunityPersons - s.employedOpenCommunityPersons,
  };
}

// What the algorithm needs of the district tree.
export interface Hierarchy {
  children(code: string): Array<{ code: string }>;
}

// Suppressed base columns per district code.
export type SuppressedCells = Map<string, Set<BaseColumn>>;

export const MIN_SUPPRESSION_THRESHOLD = 3;

export function suppressSmallCells(
  tree: Hierarchy,
  values: ReadonlyMap<string, Partial<BaseValues>>,
  threshold: number,
  columns: readonly BaseColumn[] = BASE_COLUMNS,
  // which values are withheld first: by default 1 .. threshold - 1 (zero discloses no one); a noisy
  // release (release.ts) withholds everything below the threshold
  isSmall: (value: number) => boolean = (v) => v > 0 && v < threshold,
): SuppressedCells {
  if (!Number.isInteger(threshold) || threshold < MIN_SUPPRESSION_THRESHOLD) {
    throw new RangeError(`suppression threshold must be an integer >= ${MIN_SUPPRESSION_THRESHOLD}`);
  }
  const hidden: SuppressedCells = new Map();
  for (const code of values.keys()) hidden.set(code, new Set());
  const value = (code: string, col: BaseColumn) => values.get(code)?.[col] ?? 0;
  const isHidden = (code: string, col: BaseColumn) => hidden.get(code)?.has(col) ?? false;
  let changed = false;
  const hide = (code: string, col: BaseColumn) => {
    if (isHidden(code, col)) return;
    hidden.get(code)?.add(col);
    changed = true;
  };
  // The cell to give up: the smallest positive shown value, else the smallest (zero); ties by code.
  const pick = (codes: string[], col: BaseColumn): string | undefined => {
    const shown = codes.filter((c) => !isHidden(c, col));
    const order = (a: string, b: string) => value(a, col) - value(b, col) || a.localeCompare(b);
    return shown.filter((c) => value(c, col) > 0).sort(order)[0] ?? shown.sort(order)[0];
  };

  // 1. primary
  for (const code of values.keys()) {
    for (const col of columns) {
      if (isSmall(value(code, col))) hide(code, col);
    }
  }

  // 2. complementary, to a fixed point (cells are only ever added, so this ends)
  const parents = [...values.keys()].filter((code) => tree.children(code).some((c) => values.has(c.code)));
  const triples = ADDITIVE_TRIPLES.filter((t) => t.every((c) => columns.includes(c)));
  do {
    changed = false;
    for (const col of columns) {
      for (const parent of parents) {
        const kids = tree.children(parent).map((c) => c.code).filter((c) => values.has(c));
        const hiddenKids = kids.filter((c) => isHidden(c, col)).length;
        if (!isHidden(parent, col) && hiddenKids === 1) {
          const other = pick(kids, col);
          hide(other ?? parent, col);
        } else if (isHidden(parent, col) && hiddenKids === 0) {
          const kid = pick(kids, col);
          if (kid) hide(kid, col);
        }
      }
    }
    for (const code of values.keys()) {
      for (const triple of triples) {
        const hiddenOnes = triple.filter((c) => isHidden(code, c));
        if (hiddenOnes.length !== 1) continue;
        const others = [...triple].reverse().filter((c) => !isHidden(code, c)); // on a tie, a part before the whole
        const smallest = others.filter((c) => value(code, c) > 0).sort((a, b) => value(code, a) - value(code, b))[0] ?? others[0];
        hide(code, smallest);
      }
    }
  } while (changed);
  return hidden;
}
