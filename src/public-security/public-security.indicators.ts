import { DataSource } from 'typeorm';
import { readQuery } from '../common/read-replica';
import { Period } from '../common/period';
import { bindNamed, districtFilter, mergeSums, rowsToSums, SumField, SumsByCode } from '../core/indicator-sums';
import { SPC2016_TABLE } from '../reference/heroin-equivalent-spc2016';
import { SeizureKind } from './public-security.enums';
import { RISK_FIELDS } from '../core/risk-colour';
import { SharedRelations } from '../core/shared-relations';

// Public security's (公安) part of the district indicators: one grouped statement per record kind,
// keyed by the raw district code of the row. Dates are 'YYYY-MM-DD'; booleans are 0/1 on both drivers.
// Divide by 1000.0, not 1000: SQLite divides integers as integers (100 g x factor 1 / 1000 = 0).

type Rows = Array<Record<string, unknown>>;

async function grouped(ds: DataSource, sql: string, values: Record<string, string | number>, fields: readonly SumField[]): Promise<SumsByCode> {
  const [text, params] = bindNamed(sql, values);
  return rowsToSums((await readQuery(ds, text, params)) as Rows, fields);
}

// casesFiled / casesSolved / targetCasesSolved / manufacturingSitesDestroyed, by drug_case.district_code.
// `codes` (optional, here and below): only rows of these districts (districtFilter).
export function caseIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT c.district_code AS code,
       SUM(CASE WHEN c.filed_at BETWEEN :from AND :to THEN 1 ELSE 0 END) AS casesFiled,
       SUM(CASE WHEN c.solved_at BETWEEN :from AND :to THEN 1 ELSE 0 END) AS casesSolved,
       SUM(CASE WHEN c.solved_at BETWEEN :from AND :to AND c.is_target_case = 1 THEN 1 ELSE 0 END) AS targetCasesSolved,
       SUM(CASE WHEN c.solved_at BETWEEN :from AND :to THEN c.manufacturing_sites_destroyed ELSE 0 END) AS manufacturingSitesDestroyed
     FROM drug_case c
     WHERE (c.filed_at BETWEEN :from AND :to OR c.solved_at BETWEEN :from AND :to)${districtFilter('c.district_code', codes)}
     GROUP BY c.district_code`,
    { from: period.from, to: period.to },
    ['casesFiled', 'casesSolved', 'targetCasesSolved', 'manufacturingSitesDestroyed'],
  );
}

// suspectsArrested / fugitivesArrested, by case_suspect.district_code (the case's district).
export function suspectIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT s.district_code AS code,
       COUNT(*) AS suspectsArrested,
       SUM(CASE WHEN s.is_fugitive = 1 THEN 1 ELSE 0 END) AS fugitivesArrested
     FROM case_suspect s
     WHERE s.arrested_at BETWEEN :from AND :to${districtFilter('s.district_code', codes)}
     GROUP BY s.district_code`,
    { from: period.from, to: period.to },
    ['suspectsArrested', 'fugitivesArrested'],
  );
}

// outflowTraffickers 外流贩毒: distinct persons arrested in the period outside Ningxia, by residence.
export function outflowIndicators(ds: DataSource, period: Period, homeProvinceCode = '640000'): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT p.residence_district_code AS code, COUNT(DISTINCT s.person_id) AS outflowTraffickers
     FROM case_suspect s
     JOIN person p ON p.id = s.person_id
     WHERE s.arrested_at BETWEEN :from AND :to
       AND s.arrest_province_code IS NOT NULL AND s.arrest_province_code <> :home
     GROUP BY p.residence_district_code`,
    { from: period.from, to: period.to, home: homeProvinceCode },
    ['outflowTraffickers'],
  );
}

// seizedHeroinEquivalentKg (grams x factor of the chosen table / 1000; an unknown substance counts 0)
// and precursorSeizedKg, by seizure.district_code (the case's district), seized_at in the period.
export function seizureIndicators(ds: DataSource, period: Period, heroinEquivalentTable = SPC2016_TABLE, codes?: readonly string[]): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT z.district_code AS code,
       SUM(CASE WHEN z.kind = '${SeizureKind.DRUG}' THEN COALESCE(z.quantity_grams, 0) * COALESCE(f.factor, 0) ELSE 0 END) / 1000.0
         AS seizedHeroinEquivalentKg,
       SUM(CASE WHEN z.kind = '${SeizureKind.PRECURSOR}' THEN COALESCE(z.quantity_kg, 0) ELSE 0 END) AS precursorSeizedKg
     FROM seizure z
     LEFT JOIN heroin_equivalent_factor f ON f.substance = z.substance AND f.table_name = :tableName
     WHERE z.seized_at BETWEEN :from AND :to${districtFilter('z.district_code', codes)}
     GROUP BY z.district_code`,
    { from: period.from, to: period.to, tableName: heroinEquivalentTable },
    ['seizedHeroinEquivalentKg', 'precursorSeizedKg'],
  );
}

// drugUseDetections 查处吸毒人次: person-times detected in the period, by the detection's district.
export function detectionIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT d.district_code AS code, COUNT(*) AS drugUseDetections
     FROM drug_use_detection d
     WHERE d.detected_at BETWEEN :from AND :to${districtFilter('d.district_code', codes)}
     GROUP BY d.district_code`,
    { from: period.from, to: period.to },
    ['drugUseDetections'],
  );
}

// precursorPermits / precursorPermittedTonnes: permits issued in the period, by the permit's district.
export function permitIndicators(ds: DataSource, period: Period, codes?: readonly string[]): Promise<SumsByCode> {
  return grouped(
    ds,
    `SELECT pp.district_code AS code, COUNT(*) AS precursorPermits, SUM(pp.quantity_kg) / 1000.0 AS precursorPermittedTonnes
     FROM precursor_permit pp
     WHERE pp.issued_at BETWEEN :from AND :to${districtFilter('pp.district_code', codes)}
     GROUP BY pp.district_code`,
    { from: period.from, to: period.to },
    ['precursorPermits', 'precursorPermittedTonnes'],
  );
}

// riskDistribution 双四色: each person living at the reference date, by the colour of their latest
// assessment on or before it (ties on the day: highest id), counted by residence.
// The latest assessment is one backward step on the (person_id, assessed_at) index per person, rather
// than ROW_NUMBER() over every assessment of the province: MariaDB evaluated that window once per
// person (a "lateral derived" plan), 460 ms at 100,000 persons and 11.5 s at 1,000,000; this is
// 330 ms and 4.5 s (BENCHMARKS.md).
export async function riskIndicators(ds: DataSource, period: Period): Promise<SumsByCode> {
  const [text, params] = bindNamed(
    `SELECT x.code, x.colour, COUNT(*) AS persons
     FROM (
       SELECT p.residence_district_code AS code,
         (SELECT ra.risk_colour FROM risk_assessment ra
          WHERE ra.person_id = p.id AND ra.assessed_at <= :ref
          ORDER BY ra.assessed_at DESC, ra.id DESC LIMIT 1) AS colour
       FROM person p
       WHERE p.deceased_at IS NULL OR p.deceased_at > :ref
     ) x
     WHERE x.colour IS NOT NULL
     GROUP BY x.code, x.colour`,
    { ref: period.to },
  );
  const fieldOf = new Map<string, SumField>(RISK_FIELDS.map(([colour, field]) => [colour as string, field]));
  const out: SumsByCode = new Map();
  for (const row of (await readQuery(ds, text, params)) as Rows) {
    const field = fieldOf.get(String(row.colour));
    if (!field) continue; // a colour outside the four is not part of the distribution
    const code = String(row.code);
    const part = out.get(code) ?? {};
    part[field] = (part[field] ?? 0) + Number(row.persons);
    out.set(code, part);
  }
  return out;
}

// All of public security's indicators: seven grouped statements, whatever the number of districts.
export async function publicSecurityIndicators(
  ds: DataSource,
  period: Period,
  heroinEquivalentTable = SPC2016_TABLE,
): Promise<SumsByCode> {
  const parts = await Promise.all([
    caseIndicators(ds, period),
    suspectIndicators(ds, period),
    outflowIndicators(ds, period),
    seizureIndicators(ds, period, heroinEquivalentTable),
    detectionIndicators(ds, period),
    permitIndicators(ds, period),
    riskIndicators(ds, period),
  ]);
  return mergeSums(parts);
}

// The same without the risk distribution, which the indicator ledger holds (summary/summary.read.ts):
// six grouped statements over the rows dated in the period, limited to the tree's `codes` where the
// figure goes by the row's own district (outflow goes by residence: not limited).
export async function publicSecurityPeriodIndicators(
  ds: DataSource,
  period: Period,
  heroinEquivalentTable: string,
  codes: readonly string[],
): Promise<SumsByCode> {
  const parts = await Promise.all([
    caseIndicators(ds, period, codes),
    suspectIndicators(ds, period, codes),
    outflowIndicators(ds, period),
    seizureIndicators(ds, period, heroinEquivalentTable, codes),
    detectionIndicators(ds, period, codes),
    permitIndicators(ds, period, codes),
  ]);
  return mergeSums(parts);
}

// Public security's derived table for the figures that join departments (src/core/shared-relations.ts).
export const publicSecuritySharedRelations: SharedRelations = {
  detections: '(SELECT person_id, detected_at AS day FROM drug_use_detection)',
  riskAssessments: '(SELECT id, person_id, assessed_at, risk_colour AS colour FROM risk_assessment)',
};
