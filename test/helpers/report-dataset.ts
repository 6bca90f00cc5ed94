import { DataSource } from 'typeorm';
import { DrugCase } from '../../src/public-security/drug-case.entity';
import { CaseType } from '../../src/public-security/public-security.enums';
import { Fixtures } from './fixtures';

// A small hand-made dataset for the joint-report tests, 2023 against 2022. Every person is detected
// once, in their county of residence, so newUsers, registeredUsers and drugUseDetections follow from
// the table below by hand; nobody is abstinent for three years.
//
//   county (city)              cases solved     first detected (new users)
//                              2023   2022      2023   2022
//   640104 Xingqing (Yinchuan)   4      2         4     10
//   640105 Xixia    (Yinchuan)   2      2         3      0
//   640202 Dawukou  (Shizuishan) 3      3         2      0
//   640302 Litong   (Wuzhong)    3      0         6      0
//   640402 Yuanzhou (Guyuan)     0      2         8      5
//   Zhongwei                     0      0         0      0
//
// By city, 2023: cases 6, 3, 3, 0, 0 (total 12; 2022: 4, 3, 0, 2, 0 = 9); new users 7, 2, 6, 8, 0
// (total 23; 2022: 10, 0, 0, 5, 0 = 15); registered users 17, 2, 6, 13, 0 (total 38).
export const REPORT_DATASET: ReadonlyArray<readonly [county: string, solved2023: number, solved2022: number, new2023: number, new2022: number]> = [
  ['640104', 4, 2, 4, 10],
  ['640105', 2, 2, 3, 0],
  ['640202', 3, 3, 2, 0],
  ['640302', 3, 0, 6, 0],
  ['640402', 0, 2, 8, 5],
];

export async function insertReportDataset(ds: DataSource): Promise<void> {
  const f = new Fixtures(ds);
  const cases: Array<Partial<DrugCase>> = [];
  let n = 0;
  for (const [county, solved2023, solved2022, new2023, new2022] of REPORT_DATASET) {
    for (const [day, count] of [['2023-05-10', solved2023], ['2022-05-10', solved2022]] as const) {
      for (let i = 0; i < count; i++) {
        n += 1;
        cases.push({ sourceKey: `RPT-CASE-${n}`, districtCode: county, caseNumber: `RPT${n}`, caseType: CaseType.TRAFFICKING, filedAt: day, solvedAt: day, isTargetCase: false, manufacturingSitesDestroyed: 0 });
      }
    }
    for (const [day, count] of [['2023-03-01', new2023], ['2022-03-01', new2022]] as const) {
      for (let i = 0; i < count; i++) await f.detection(await f.person({ county }), day);
    }
  }
  await ds.getRepository(DrugCase).insert(cases);
}
