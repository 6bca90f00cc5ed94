// Ningxia's counties for the generator, weighted by their city's 2020 census population split evenly
// among the city's counties (county populations are not in the reference data).
import { NINGXIA_DISTRICTS_2020 } from '../reference/ningxia-districts-2020';
import { WeightedTable } from './random';

export interface County {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
  weight: number; // persons, city population / counties in the city
}

const cities = NINGXIA_DISTRICTS_2020.filter(([, , , level]) => level === 'CITY');

export const COUNTIES: readonly County[] = NINGXIA_DISTRICTS_2020.filter(([, , , level]) => level === 'COUNTY').map(
  ([code, name, , , parent]) => {
    const city = cities.find(([cityCode]) => cityCode === parent);
    if (!city || city[5] === null) throw new Error(`county ${code} has no city with a population`);
    const siblings = NINGXIA_DISTRICTS_2020.filter(([, , , level, p]) => level === 'COUNTY' && p === parent).length;
    return { code, name, cityCode: city[0], cityName: city[1], weight: city[5] / siblings };
  },
);

export const COUNTY_BY_CODE: ReadonlyMap<string, County> = new Map(COUNTIES.map((c) => [c.code, c]));

export const CITY_CODES: readonly string[] = cities.map(([code]) => code);
export const CITY_NAME: ReadonlyMap<string, string> = new Map(cities.map(([code, name]) => [code, name]));

export const COUNTY_TABLE = new WeightedTable(COUNTIES.map((c) => [c, c.weight] as const));

export const TOTAL_COUNTY_WEIGHT = COUNTIES.reduce((sum, c) => sum + c.weight, 0);

// Counties outside Ningxia where a few suspects live and are registered (neighbouring provinces).
export const OUTSIDE_COUNTY_CODES: readonly string[] = [
  '620102', // Lanzhou, Chengguan (Gansu)
  '620402', // Baiyin, Baiyin District (Gansu)
  '610113', // Xi'an, Yanta (Shaanxi)
  '610802', // Yulin, Yuyang (Shaanxi)
  '150102', // Hohhot, Xincheng (Inner Mongolia)
  '150302', // Wuhai, Haibowan (Inner Mongolia)
  '630102', // Xining, Chengdong (Qinghai)
  '530102', // Kunming, Wuhua (Yunnan)
];

// Provinces where Ningxia suspects are arrested outside the province (outflow trafficking, 外流贩毒).
export const OUTSIDE_PROVINCE_TABLE = new WeightedTable<string>([
  ['620000', 25], // Gansu
  ['610000', 18], // Shaanxi
  ['150000', 15], // Inner Mongolia
  ['530000', 14], // Yunnan
  ['440000', 12], // Guangdong
  ['510000', 8], // Sichuan
  ['630000', 8], // Qinghai
]);

export const NINGXIA_PROVINCE_CODE = '640000';

// Split `total` items over counties by weight, largest remainder, each county at least `minimum`.
export function apportion(total: number, minimum: number): Map<string, number> {
  const result = new Map<string, number>();
  const spare = total - minimum * COUNTIES.length;
  if (spare < 0) throw new RangeError('total too small for the per-county minimum');
  const shares = COUNTIES.map((c) => {
    const exact = (spare * c.weight) / TOTAL_COUNTY_WEIGHT;
    return { code: c.code, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = spare - shares.reduce((sum, s) => sum + s.floor, 0);
  const byRest = [...shares].sort((x, y) => y.rest - x.rest || x.code.localeCompare(y.code));
  for (const s of byRest) {
    if (left <= 0) break;
    s.floor += 1;
    left -= 1;
  }
  for (const s of shares) result.set(s.code, minimum + s.floor);
  return result;
}
