// The calibrated demo "ningxia-2022": the figures the source article publishes for 2022 (docs/DOMAIN.md,
// "Published figures and the demo data") and the numbers we chose where the article is silent. Everything the
// generator must hit exactly is a number in this file; the generator only distributes it over counties,
// persons and dates.
//
// Why 80,000 registered users. The published rates fix only ratios (new-user rate 0.25 %, abstinence
// consolidation 92 %); the absolute flows fix the size. Our "current users" are everyone with evidence of
// use in the last three years, so 4,389 detections (person-times) and 1,641 compulsory isolation
// admissions in 2022, with two-year isolation terms and similar admissions in 2020 and 2021, mean several
// thousand current users, and with 92 % abstinent a registry of 70,000-90,000. With 80,000 (current
// 6,400): 2,885 persons are detected in 2022, 1.52 times each on average (1,531 once, 1,204 twice, 150
// three times); 200 of them are new, 2,010 were active in 2020-2021 (half of those not in isolation all of
// 2022), 675 relapse after longer. A registry of 40,000 (current 3,200) would need nearly every person
// released from isolation to relapse within months; 8,000 (current 640) cannot even hold the 1,641
// admissions. The history follows the article's trends: new users 2017 -> 2022 -91.0 % (2,222 -> 200),
// current users end of 2017 -> 2022 -88.7 % (about 56,500 -> 6,400, after the mass screening of
// 2015-2017), new-user rate below 1 % from 2019 on, cases, seizures and outflow at a five-year low in 2022.

export const CALIBRATED_NAMES = ['ningxia-2022'] as const;
export type CalibratedName = (typeof CALIBRATED_NAMES)[number];

export function isCalibratedName(name: string): name is CalibratedName {
  return (CALIBRATED_NAMES as readonly string[]).includes(name);
}

// The generator's random seed: the data set is a fixed artefact, not a family of them.
export const CALIBRATED_SEED = 20221231;

const FIRST_YEAR = 2015;
export const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023] as const;
export type ByYear = readonly [number, number, number, number, number, number, number, number, number];
export const yearIndex = (year: number): number => year - FIRST_YEAR;

// ---------------------------------------------------------------------------------------------------
// Published figures: docs/DOMAIN.md, "Published figures and the demo data"; test/calibrated.test.ts
// asserts them on the seeded database.

// ---------------------------------------------------------------------------------------------------
// Persons (drug users resident in each city). Exact at 2022-12-31: registered, abstinent (so current =
// registered - abstinent), new users of every year, detections / detected persons / compulsory isolation
// admissions in 2022. Deaths are persons who die before 2023 (not registered at 2022-12-31).
export interface CityUsers {
  code: string;
  registered2022: number;
  abstinent2022: number;
  deaths: number; // die between 2015 and 2022, all of them abstinent by then
  newUsers: ByYear;
  detections2022: number; // person-times
  detectedPersons2022: number; // distinct persons detected in 2022 (incl. the year's new users)
  compulsory2022: number;
}

// Province: registered 80,000; abstinent 73,600 (92.00 %); new 2022 200 (0.2500 %); new 2017 2,222
// (200 / 2,222 = -91.0 %). Detections 4,389; compulsory isolation 1,641.
export const CITY_USERS: readonly CityUsers[] = [
  // Yinchuan: the capital, the most current users (abstinence 89.6 %)
  { code: '640100', registered2022: 35_000, abstinent2022: 31_360, deaths: 1400,
    newUsers: [1600, 1310, 1042, 590, 350, 235, 165, 115, 80], detections2022: 2711, detectedPersons2022: 1760, compulsory2022: 1020 },
  // Shizuishan: abstinence 93.5 %
  { code: '640200', registered2022: 12_000, abstinent2022: 11_220, deaths: 480,
    newUsers: [520, 430, 330, 190, 105, 65, 47, 36, 25], detections2022: 581, detectedPersons2022: 380, compulsory2022: 220 },
  // Wuzhong: abstinence 95 % (11,400 / 12,000); new users 22 -> 9 (-59.1 %); 70 users found in 2022
  { code: '640300', registered2022: 12_000, abstinent2022: 11_400, deaths: 480,
    newUsers: [520, 420, 320, 170, 80, 45, 22, 9, 8], detections2022: 70, detectedPersons2022: 70, compulsory2022: 22 },
  // Guyuan: the fewest registered users; new users 25 / 21 / 19 in 2020 / 2021 / 2022
  { code: '640400', registered2022: 6_000, abstinent2022: 5_520, deaths: 240,
    newUsers: [260, 200, 150, 90, 50, 25, 21, 19, 17], detections2022: 357, detectedPersons2022: 235, compulsory2022: 135 },
  // Zhongwei: new-user rate 21 / 15,000 = 0.14 %, abstinence 14,100 / 15,000 = 94 %
  { code: '640500', registered2022: 15_000, abstinent2022: 14_100, deaths: 600,
    newUsers: [600, 490, 380, 210, 115, 70, 45, 21, 20], detections2022: 670, detectedPersons2022: 440, compulsory2022: 244 },
];

// Soft history (province totals, split over cities by registry share): distinct persons detected per
// year, detections per detected person, share of them ordered into compulsory isolation, and the share of
// re-detected persons drawn from those active in the previous two years (the rest relapse after longer).
// 2015-2017 were the years of mass screening; current users at the end of 2017 are steered to
// current 2022 / (1 - 0.887). 2020 and 2021 are derived from each city's current users of 2022.
export const DETECTED_PERSONS: Partial<Record<number, number>> = { 2015: 20_500, 2016: 20_500, 2018: 11_500, 2019: 7_600 };
export const DETECTIONS_PER_PERSON: ByYear = [1.2, 1.2, 1.2, 1.22, 1.25, 1.35, 1.35, 0, 1.45];
export const COMPULSORY_SHARE: ByYear = [0.2, 0.2, 0.2, 0.22, 0.26, 0.48, 0.48, 0, 0.55];
export const RECENT_SHARE: ByYear = [0.25, 0.08, 0.1, 0.45, 0.5, 0, 0, 0, 0.55];
export const CURRENT_DECLINE_SINCE_2017 = 0.887;
// 2022's detected persons who were not active in 2020-2021: the year's new users plus this share of the
// others (relapses after more than two years).
export const LONG_RELAPSE_SHARE_2022 = 0.25;
// Distinct persons detected in 2020 and in 2021, as shares of those active in 2020-2021.
export const DETECTED_2020_OF_ACTIVE = 0.62;
export const DETECTED_2021_OF_ACTIVE = 0.6;
// 2023: detected persons relative to 2022.
export const DETECTED_2023_OF_2022 = 0.93;

// Counties' shares of their city's users, cases and permits (our choice; no county figures are published).
export const COUNTY_WEIGHT: Readonly<Record<string, number>> = {
  '640104': 1.5, '640105': 1.0, '640106': 1.2, '640121': 0.8, '640122': 0.7, '640181': 0.8,
  '640202': 1.2, '640205': 1.0, '640221': 1.0,
  '640302': 1.3, '640303': 0.6, '640323': 0.4, '640324': 1.2, '640381': 0.8,
  '640402': 1.4, '640422': 1.0, '640423': 0.5, '640424': 0.4, '640425': 0.6,
  '640502': 1.2, '640521': 0.9, '640522': 1.0,
};

// ---------------------------------------------------------------------------------------------------
// Cases solved per city and year (2022 exact: 432 in all, Wuzhong 13). A few more are filed and not solved.
export const CASES_SOLVED: Readonly<Record<string, ByYear>> = {
  '640100': [640, 610, 550, 450, 370, 300, 255, 210, 190],
  '640200': [210, 200, 180, 140, 115, 95, 82, 70, 62],
  '640300': [230, 200, 170, 110, 70, 45, 28, 13, 12],
  '640400': [140, 130, 115, 95, 80, 68, 60, 52, 48],
  '640500': [230, 220, 200, 160, 130, 110, 98, 87, 78],
};
export const UNSOLVED_SHARE = 0.08;
// Province totals per year; 2022 exact.
export const HEROIN_EQUIVALENT_KG: ByYear = [820, 760, 650, 480, 390, 300, 235, 173.69, 160];
export const PRECURSOR_SEIZED_KG: ByYear = [160_000, 142_000, 128_000, 112_000, 98_000, 90_000, 82_000, 75_600, 70_000];
export const BIG_SEIZURES: ByYear = [9, 8, 7, 6, 5, 4, 4, 3, 3];
export const MANUFACTURING_SITES: ByYear = [9, 8, 7, 6, 5, 4, 4, 3, 2];
export const TARGET_CASES: ByYear = [32, 30, 27, 22, 18, 15, 13, 12, 11];
export const FUGITIVES_ARRESTED: ByYear = [0, 6, 9, 9, 8, 7, 6, 5, 4];
// Outflow traffickers (residents arrested outside Ningxia), province and Tongxin (640324) per year:
// Tongxin "fell for 15 years in a row and has been zero for the last three".
export const OUTFLOW: ByYear = [60, 52, 45, 36, 28, 20, 15, 10, 9];
export const OUTFLOW_TONGXIN: ByYear = [12, 10, 8, 6, 3, 0, 0, 0, 0];

// 2022 specifics: where the target cases, fugitive arrests and manufacturing sites were.
export const TARGET_CASES_2022: Readonly<Record<string, number>> = { '640100': 6, '640200': 2, '640300': 2, '640400': 1, '640500': 1 };
export const FUGITIVES_2022: Readonly<Record<string, number>> = { '640100': 2, '640300': 1, '640400': 1, '640500': 1 };
export const MANUFACTURING_2022: readonly string[] = ['640181', '640221', '640502'];
// Wuzhong 2022: 13 cases with 33 suspects arrested, plus one fugitive of an older case = 34.
export const WUZHONG_SUSPECTS_2022 = [4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1];
export const WUZHONG_DRUG_GRAMS_2022 = 149;
export const ZHONGWEI_CLUSTER_CASE_SUSPECTS = 9;

// ---------------------------------------------------------------------------------------------------
// Precursor-chemical permits per city and year (Wuzhong 2022 exact: 1,775 permits, 3,357 t). Counts and
// tonnes; the other years and cities are our choice, scaled to the chemical industry of each city.
export const PERMITS: Readonly<Record<string, { count: ByYear; tonnes: ByYear }>> = {
  '640100': { count: [1700, 1750, 1800, 1820, 1850, 1780, 1830, 1860, 1880], tonnes: [3600, 3700, 3800, 3900, 4000, 3850, 3950, 4050, 4100] },
  '640200': { count: [1150, 1180, 1200, 1210, 1230, 1190, 1220, 1240, 1250], tonnes: [2700, 2750, 2800, 2850, 2900, 2800, 2880, 2950, 2980] },
  '640300': { count: [1620, 1680, 1700, 1740, 1760, 1690, 1730, 1775, 1790], tonnes: [2950, 3050, 3100, 3200, 3250, 3150, 3250, 3357, 3380] },
  '640400': { count: [150, 155, 160, 160, 165, 160, 165, 170, 170], tonnes: [95, 100, 105, 105, 110, 105, 110, 115, 115] },
  '640500': { count: [650, 670, 690, 700, 710, 690, 705, 720, 730], tonnes: [980, 1000, 1030, 1050, 1070, 1040, 1060, 1090, 1100] },
};
export const PERMIT_COUNTY_WEIGHT: Readonly<Record<string, number>> = {
  '640104': 3, '640105': 4, '640106': 2, '640121': 2, '640122': 2, '640181': 12,
  '640202': 4, '640205': 4, '640221': 5,
  '640302': 8, '640303': 1, '640323': 4, '640324': 2, '640381': 7,
  '640402': 3, '640422': 1, '640423': 1, '640424': 1, '640425': 1,
  '640502': 3, '640521': 3, '640522': 1,
};

// Caseworkers are sized by the world generator from a nominal person count (20 users per caseworker);
// this count gives about 20 persons in open community programmes per caseworker at the end of 2022.
export const CASEWORKER_BASIS_PERSONS = 10_000;
