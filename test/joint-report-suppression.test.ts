import { ConfigError } from '../src/config';
import { indicatorDefinition } from '../src/indicators/indicator-definitions';
import { isSuppressed } from '../src/reports/joint-report.service';
import { loadReportConfig } from '../src/indicators/release/release-config';
import { ADDITIVE_TRIPLES, BaseColumn, BaseValues, Hierarchy, suppressSmallCells } from '../src/indicators/release/suppression';

// Small-cell suppression on its own, with made-up trees: no database.

function treeOf(edges: Record<string, string[]>): Hierarchy {
  return { children: (code) => (edges[code] ?? []).map((c) => ({ code: c })) };
}

function valuesOf(rows: Record<string, Partial<BaseValues>>): Map<string, Partial<BaseValues>> {
  return new Map(Object.entries(rows));
}

// The codes whose `column` is suppressed, sorted.
function hiddenIn(result: Map<string, Set<BaseColumn>>, column: BaseColumn): string[] {
  return [...result].filter(([, cols]) => cols.has(column)).map(([code]) => code).sort();
}

const PROVINCE = treeOf({ P: ['A', 'B', 'C', 'D'] });

describe('suppressSmallCells', () => {
  it('hides counts from 1 to threshold - 1, never zero', () => {
    const values = valuesOf({ P: { newUsers: 100 }, A: { newUsers: 0 }, B: { newUsers: 1 }, C: { newUsers: 4 }, D: { newUsers: 95 } });
    expect(hiddenIn(suppressSmallCells(PROVINCE, values, 5, ['newUsers']), 'newUsers')).toEqual(['B', 'C']);
    // threshold 3: only 1 and 2
    const v3 = valuesOf({ P: { newUsers: 10 }, A: { newUsers: 2 }, B: { newUsers: 3 }, C: { newUsers: 5 }, D: { newUsers: 0 } });
    expect(hiddenIn(suppressSmallCells(PROVINCE, v3, 3, ['newUsers']), 'newUsers')).toEqual(['A', 'B']);
  });

  it('hides the next-smallest positive sibling when one hidden cell could be worked out from the total', () => {
    // A = 23 - 7 - 6 - 0 would follow from the total: C (6, the smallest positive) goes too, not D (0)
    const values = valuesOf({ P: { newUsers: 15 + 8 }, A: { newUsers: 2 }, B: { newUsers: 7 }, C: { newUsers: 6 }, D: { newUsers: 0 } });
    const result = suppressSmallCells(PROVINCE, values, 5, ['newUsers']);
    expect(hiddenIn(result, 'newUsers')).toEqual(['A', 'C']);
  });

  it('adds nothing when two siblings are already hidden, or when the total itself is hidden with a child', () => {
    const two = valuesOf({ P: { newUsers: 20 }, A: { newUsers: 2 }, B: { newUsers: 3 }, C: { newUsers: 15 }, D: { newUsers: 0 } });
    expect(hiddenIn(suppressSmallCells(PROVINCE, two, 5, ['newUsers']), 'newUsers')).toEqual(['A', 'B']);
    const small = valuesOf({ P: { newUsers: 3 }, A: { newUsers: 3 }, B: { newUsers: 0 }, C: { newUsers: 0 }, D: { newUsers: 0 } });
    expect(hiddenIn(suppressSmallCells(PROVINCE, small, 5, ['newUsers']), 'newUsers')).toEqual(['A', 'P']);
  });

  it('hides the parent when a hidden child has no sibling to pair with', () => {
    const tree = treeOf({ P: ['A'] });
    const values = valuesOf({ P: { newUsers: 9 }, A: { newUsers: 2 } }); // P has 7 of its own records
    expect(hiddenIn(suppressSmallCells(tree, values, 5, ['newUsers']), 'newUsers')).toEqual(['A', 'P']);
  });

  it('hides a child of a hidden parent, else the parent would be the sum of its children', () => {
    // city X is hidden as the complement of city Y; X's counties are all large: the smallest, X2, goes
    // (X = 12 + X2 with X and X2 both unknown)
    const tree = treeOf({ P: ['X', 'Y'], X: ['X1', 'X2'], Y: ['Y1'] });
    const values = valuesOf({ P: { newUsers: 22 }, X: { newUsers: 20 }, X1: { newUsers: 12 }, X2: { newUsers: 8 }, Y: { newUsers: 2 }, Y1: { newUsers: 2 } });
    const result = suppressSmallCells(tree, values, 5, ['newUsers']);
    expect(hiddenIn(result, 'newUsers')).toEqual(['X', 'X2', 'Y', 'Y1']);
  });

  it('keeps additive columns of a row from giving a hidden one away (registered = abstinent + current)', () => {
    const tree = treeOf({ P: ['A', 'B', 'C'] });
    const cols: BaseColumn[] = ['registeredUsers', 'abstinentThreeYears', 'currentUsers'];
    const row = (registered: number, abstinent: number) => ({ registeredUsers: registered, abstinentThreeYears: abstinent, currentUsers: registered - abstinent });
    const values = valuesOf({ P: row(90, 33), A: row(20, 3), B: row(30, 10), C: row(40, 20) });
    const result = suppressSmallCells(tree, values, 5, cols);
    // A's abstinent 3 is hidden; its current 17 goes with it (registered stays): 20 - 17 no longer gives 3;
    // in each column the smallest other city goes too
    expect(hiddenIn(result, 'abstinentThreeYears')).toEqual(['A', 'B']);
    expect(hiddenIn(result, 'currentUsers')).toEqual(['A', 'B']);
    expect(hiddenIn(result, 'registeredUsers')).toEqual([]);
  });

  it('protects every cell it hides, on random trees (no parent with one hidden child, no triple with one hidden part)', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const columns: BaseColumn[] = ['newUsers', 'registeredUsers', 'abstinentThreeYears', 'currentUsers', 'communityOrders', 'communityOrdersExecuted', 'communityOrdersNotExecuted'];
    for (let trial = 0; trial < 200; trial++) {
      const edges: Record<string, string[]> = { P: [] };
      const leaves: string[] = [];
      for (let c = 0; c < 1 + rnd(5); c++) {
        const city = `C${c}`;
        edges.P.push(city);
        edges[city] = [];
        for (let k = 0; k < 1 + rnd(4); k++) {
          edges[city].push(`${city}K${k}`);
          leaves.push(`${city}K${k}`);
        }
      }
      const values = new Map<string, Partial<BaseValues>>();
      const small = () => [0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 30][rnd(11)];
      for (const leaf of leaves) {
        const registered = small() + small();
        const abstinent = Math.min(registered, small());
        const orders = small() + small();
        const executed = Math.min(orders, small() + small());
        values.set(leaf, { newUsers: small(), registeredUsers: registered, abstinentThreeYears: abstinent, currentUsers: registered - abstinent, communityOrders: orders, communityOrdersExecuted: executed, communityOrdersNotExecuted: orders - executed });
      }
      const sum = (codes: string[]) => {
        const out: Partial<BaseValues> = {};
        for (const col of columns) out[col] = codes.reduce((n, c) => n + (values.get(c)?.[col] ?? 0), 0);
        return out;
      };
      for (const city of edges.P) values.set(city, sum(edges[city]));
      values.set('P', sum(leaves));
      const tree = treeOf(edges);
      const result = suppressSmallCells(tree, values, 5, columns);
      const hidden = (code: string, col: BaseColumn) => result.get(code)!.has(col);
      for (const col of columns) {
        for (const [code, v] of values) if ((v[col] ?? 0) > 0 && (v[col] ?? 0) < 5) expect(hidden(code, col)).toBe(true);
        for (const parent of ['P', ...edges.P]) {
          const kids = edges[parent].filter((k) => hidden(k, col)).length;
          if (!hidden(parent, col)) expect([trial, parent, col, kids]).not.toEqual([trial, parent, col, 1]);
          else expect([trial, parent, col, kids > 0]).toEqual([trial, parent, col, true]);
        }
      }
      for (const code of values.keys()) {
        for (const triple of ADDITIVE_TRIPLES.filter((t) => t.every((c) => columns.includes(c)))) {
          expect([trial, code, triple, triple.filter((c) => hidden(code, c)).length]).not.toEqual([trial, code, triple, 1]);
        }
      }
    }
  });

  it('refuses a threshold below 3', () => {
    expect(() => suppressSmallCells(PROVINCE, new Map(), 2)).toThrow(RangeError);
  });
});

describe('rates follow their parts', () => {
  it('suppresses a rate when its numerator or denominator is hidden, even a part that is not a column', () => {
    const rate = indicatorDefinition('newUserRate')!;
    expect(isSuppressed(rate, new Set<BaseColumn>(['newUsers']))).toBe(true);
    expect(isSuppressed(rate, new Set<BaseColumn>(['registeredUsers']))).toBe(true);
    expect(isSuppressed(rate, new Set<BaseColumn>(['currentUsers']))).toBe(false);
    expect(isSuppressed(indicatorDefinition('communityExecutionRate')!, new Set<BaseColumn>(['communityOrdersExecuted']))).toBe(true);
    expect(isSuppressed(indicatorDefinition('employedShare')!, new Set<BaseColumn>(['openCommunityPersons']))).toBe(true);
    expect(isSuppressed(indicatorDefinition('usersPerCaseworker')!, new Set<BaseColumn>(['openCommunityPersons']))).toBe(true);
    expect(isSuppressed(indicatorDefinition('casesSolved')!, new Set<BaseColumn>(['newUsers', 'registeredUsers']))).toBe(false);
    expect(isSuppressed(indicatorDefinition('riskDistribution.RED')!, new Set<BaseColumn>(['riskRed']))).toBe(true);
  });
});

describe('REPORT_SUPPRESSION_THRESHOLD', () => {
  it('defaults to 5, takes a whole number of at least 3, and refuses anything else as a configuration error', () => {
    expect(loadReportConfig({})).toEqual({ suppressionThreshold: 5 });
    expect(loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: '' })).toEqual({ suppressionThreshold: 5 });
    expect(loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: '3' })).toEqual({ suppressionThreshold: 3 });
    expect(loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: ' 10 ' })).toEqual({ suppressionThreshold: 10 });
    for (const bad of ['2', '0', '-5', '4.5', 'five', '1e1']) {
      expect(() => loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: bad })).toThrow(ConfigError);
    }
    expect(() => loadReportConfig({ REPORT_SUPPRESSION_THRESHOLD: '2' })).toThrow(/at least 3/);
  });
});
