// The city figures of the plan split over counties (exact: counties add up to their city), and the soft
// yearly volumes derived from them.
import { COUNTIES } from '../geography';
import { allocate } from './allocate';
import {
  CITY_USERS,
  COMPULSORY_SHARE,
  COUNTY_WEIGHT,
  CURRENT_DECLINE_SINCE_2017,
  DETECTED_2020_OF_ACTIVE,
  DETECTED_2021_OF_ACTIVE,
  DETECTED_2023_OF_2022,
  DETECTED_PERSONS,
  DETECTIONS_PER_PERSON,
  LONG_RELAPSE_SHARE_2022,
  YEARS,
  yearIndex,
} from './ningxia-2022.plan';

export interface CountyUsersPlan {
  code: string;
  cityCode: string;
  registered2022: number;
  current2022: number;
  deaths: number;
  legacy: number; // users first detected before 2015
  newUsers: number[]; // by year index
  // 2022, exact
  detectedPersons2022: number;
  detections2022: number;
  compulsory2022: number;
  // steering targets: persons active in 2020-2021 (so that current 2022 comes out exact), and current
  // users at the end of 2017 (soft)
  active2020to2021: number;
  current2017: number;
  // soft volumes by year index (0 where the year is steered instead)
  detectedPersons: number[];
}

export function countiesOf(cityCode: string): string[] {
  return COUNTIES.filter((c) => c.cityCode === cityCode).map((c) => c.code);
}

function byCounty(total: number, cityCode: string): Map<string, number> {
  return allocate(
    total,
    countiesOf(cityCode).map((code) => [code, COUNTY_WEIGHT[code] ?? 1] as const),
  );
}

export function countyUsersPlans(): CountyUsersPlan[] {
  const provinceRegistered = CITY_USERS.reduce((sum, c) => sum + c.registered2022, 0);
  const provinceCurrent = CITY_USERS.reduce((sum, c) => sum + c.registered2022 - c.abstinent2022, 0);
  const current2017Province = provinceCurrent / (1 - CURRENT_DECLINE_SINCE_2017);
  const plans: CountyUsersPlan[] = [];
  for (const city of CITY_USERS) {
    const registered = byCounty(city.registered2022, city.code);
    const current = byCounty(city.registered2022 - city.abstinent2022, city.code);
    const deaths = byCounty(city.deaths, city.code);
    const detectedPersons2022 = byCounty(city.detectedPersons2022, city.code);
    const detections2022 = byCounty(city.detections2022, city.code);
    const compulsory2022 = byCounty(city.compulsory2022, city.code);
    const newUsers = YEARS.map((year) => byCounty(city.newUsers[yearIndex(year)], city.code));
    for (const code of countiesOf(city.code)) {
      const r = registered.get(code) as number;
      const cur = current.get(code) as number;
      const news = newUsers.map((m) => m.get(code) as number);
      const dead = deaths.get(code) as number;
      const firstDetectedBy2022 = news.slice(0, yearIndex(2022) + 1).reduce((a, b) => a + b, 0);
      const a22 = detectedPersons2022.get(code) as number;
      const n22 = news[yearIndex(2022)];
      const longRelapse = Math.round(LONG_RELAPSE_SHARE_2022 * (a22 - n22));
      const active2020to2021 = cur - n22 - longRelapse;
      const share = r / provinceRegistered;
      const detectedPersons = YEARS.map((year) => {
        const planned = DETECTED_PERSONS[year];
        if (planned !== undefined) return Math.round(planned * share);
        if (year === 2020) return Math.round(DETECTED_2020_OF_ACTIVE * active2020to2021);
        if (year === 2021) return Math.round(DETECTED_2021_OF_ACTIVE * active2020to2021);
        if (year === 2023) return Math.round(DETECTED_2023_OF_2022 * a22);
        return 0;
      });
      plans.push({
        code,
        cityCode: city.code,
        registered2022: r,
        current2022: cur,
        deaths: dead,
        legacy: r + dead - firstDetectedBy2022,
        newUsers: news,
        detectedPersons2022: a22,
        detections2022: detections2022.get(code) as number,
        compulsory2022: compulsory2022.get(code) as number,
        active2020to2021,
        current2017: Math.round(current2017Province * share),
        detectedPersons,
      });
    }
  }
  return plans;
}

export function detectionsFor(plan: CountyUsersPlan, year: number, persons: number): number {
  if (year === 2022) return plan.detections2022;
  return Math.max(persons, Math.round(persons * DETECTIONS_PER_PERSON[yearIndex(year)]));
}

export function compulsoryFor(plan: CountyUsersPlan, year: number, persons: number): number {
  if (year === 2022) return plan.compulsory2022;
  return Math.round(persons * COMPULSORY_SHARE[yearIndex(year)]);
}
