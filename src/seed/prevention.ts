// Prevention and education records (禁毒宣传教育): the anti-drug education bases, publicity events and
// school sessions of every county. District-level rows only; generated after the world, before persons.
import { PublicityKind } from '../prevention/prevention.enums';
import { dayOf, isoOf, WORLD_YEARS } from './calendar';
import { apportion, COUNTIES } from './geography';
import { Rng } from './random';
import { sourceKey, SyntheticData } from './rows';

// Published: 28 anti-drug education bases built across the region (建成禁毒科普教育基地28个).
export const EDUCATION_BASES = 28;
const BASE_KINDS = ['禁毒教育馆', '青少年禁毒教育基地', '社区禁毒宣传站', '禁毒主题公园'];
const EVENT_TITLES: Record<PublicityKind, string> = {
  CAMPAIGN: '全民禁毒宣传月集中宣传',
  LECTURE: '禁毒知识进社区讲座',
  EXHIBITION: '禁毒科普教育基地参观',
  COMPETITION: '青少年禁毒知识竞赛',
  ONLINE: '禁毒新媒体线上活动',
};
const KINDS = Object.values(PublicityKind);
// school terms: March-June and September-December
const TERM_MONTHS = [3, 4, 5, 6, 9, 10, 11, 12];

const day = (year: number, month: number, dayOfMonth: number) => `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;

export function generatePrevention(rng: Rng, out: SyntheticData): void {
  const perCounty = apportion(EDUCATION_BASES, 1);
  const opened = { from: dayOf('2016-06-26'), to: dayOf('2022-06-26') };
  for (const county of COUNTIES) {
    for (let i = 0; i < (perCounty.get(county.code) ?? 1); i++) {
      const id = out.educationBase.length + 1;
      out.educationBase.push({
        id, sourceKey: sourceKey('educationBase', id), districtCode: county.code,
        name: `${county.name}${BASE_KINDS[(id + i) % BASE_KINDS.length]}`, openedAt: isoOf(rng.int(opened.from, opened.to)), closedAt: null,
      });
    }
  }
  for (const year of WORLD_YEARS) {
    for (const county of COUNTIES) {
      for (let month = 1; month <= 12; month++) {
        // June is the national anti-drug publicity month (6·26): most events fall then
        const events = rng.int(0, 2) + (month === 6 ? rng.int(3, 6) : 0);
        for (let e = 0; e < events; e++) {
          const kind = month === 6 && e === 0 ? PublicityKind.CAMPAIGN : KINDS[rng.int(0, KINDS.length - 1)];
          const id = out.publicityEvent.length + 1;
          out.publicityEvent.push({
            id, sourceKey: sourceKey('publicityEvent', id), districtCode: county.code, title: EVENT_TITLES[kind], kind,
            heldAt: day(year, month, month === 6 && e === 0 ? 26 : rng.int(1, 28)), participants: kind === PublicityKind.ONLINE ? rng.int(500, 5000) : rng.int(30, 600),
          });
        }
        if (!TERM_MONTHS.includes(month)) continue;
        for (let s = rng.int(0, 2); s > 0; s--) {
          const id = out.schoolSession.length + 1;
          const students = rng.int(40, 480);
          const quizTaken = rng.chance(0.6) ? Math.round(students * rng.float(0.7, 1)) : null;
          out.schoolSession.push({
            id, sourceKey: sourceKey('schoolSession', id), districtCode: county.code, school: `${county.name}第${rng.int(1, 9)}中学`,
            heldAt: day(year, month, rng.int(1, 28)), students, quizTaken, quizPassed: quizTaken === null ? null : Math.round(quizTaken * rng.float(0.82, 0.99)),
          });
        }
      }
    }
  }
}
