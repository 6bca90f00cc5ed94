import { ColumnDefinition, ColumnGroup, ColumnValues, DepartmentColumns, IndicatorKind } from '../core/report-column';
import { PreventionIndicators } from './prevention-indicators.type';
import { preventionLoaders } from './prevention.loaders';

// The prevention and education column group of the joint report: the figures of District
// .preventionIndicators, per district and period. Events, places and attendance identify nobody, so
// they are shown as they are to every role that reads the report.
const PREVENTION: ColumnGroup = { key: 'prevention', label: '禁毒宣传教育 Prevention and education' };

type Key = keyof PreventionIndicators;
type Definition = Omit<ColumnDefinition, 'group' | 'key'> & { key: Key };

const DEFINITIONS: readonly Definition[] = [
  {
    key: 'educationBases', kind: IndicatorKind.RECORD_COUNT, format: 'integer', unitZh: '个', unitEn: 'bases',
    nameZh: '禁毒科普教育基地数', nameEn: 'Anti-drug education bases',
    definitionZh: '本地区统计截止日已开放、尚未关闭的禁毒科普教育基地数。',
    definitionEn: 'Anti-drug education bases of the district open on the reference date (the last day of the period).',
  },
  {
    key: 'publicityEvents', kind: IndicatorKind.RECORD_COUNT, format: 'integer', unitZh: '场', unitEn: 'events',
    nameZh: '禁毒宣传活动场次', nameEn: 'Publicity events',
    definitionZh: '本地区统计期间内举办的禁毒宣传活动场次。',
    definitionEn: 'Anti-drug publicity events held in the district in the period.',
  },
  {
    key: 'publicityParticipants', kind: IndicatorKind.ATTENDANCE, format: 'integer', unitZh: '人次', unitEn: 'participants',
    nameZh: '宣传活动参与人次', nameEn: 'Publicity participants',
    definitionZh: '上述宣传活动的参与人次之和。',
    definitionEn: 'Participants of those events, summed (attendance, not persons of the records).',
  },
  {
    key: 'publicityEventsPer10kResidents', kind: IndicatorKind.RATIO, format: 'ratio', unitZh: '场/万人', unitEn: 'events per 10,000 residents',
    nameZh: '每万人宣传活动场次', nameEn: 'Publicity events per 10,000 residents',
    definitionZh: '宣传活动场次 × 10000 ÷ 本地区人口普查常住人口，保留2位小数；无人口数时为空。',
    definitionEn: 'Publicity events x 10,000 / census population of the district, 2 decimals; empty without a population.',
  },
  {
    key: 'participantsPer10kResidents', kind: IndicatorKind.RATIO, format: 'ratio', unitZh: '人次/万人', unitEn: 'participants per 10,000 residents',
    nameZh: '每万人宣传活动参与人次', nameEn: 'Participants per 10,000 residents',
    definitionZh: '宣传活动参与人次 × 10000 ÷ 本地区人口普查常住人口，保留1位小数；无人口数时为空。',
    definitionEn: 'Participants x 10,000 / census population of the district, 1 decimal; empty without a population.',
  },
  {
    key: 'schoolSessions', kind: IndicatorKind.RECORD_COUNT, format: 'integer', unitZh: '课次', unitEn: 'sessions',
    nameZh: '学校禁毒教育课次', nameEn: 'School education sessions',
    definitionZh: '本地区学校统计期间内开展的禁毒教育课次。',
    definitionEn: 'Anti-drug education sessions held in schools of the district in the period.',
  },
  {
    key: 'studentsReached', kind: IndicatorKind.ATTENDANCE, format: 'integer', unitZh: '人次', unitEn: 'students',
    nameZh: '受教育学生人次', nameEn: 'Students reached',
    definitionZh: '上述课程的听课学生人次之和。',
    definitionEn: 'Students attending those sessions, summed (attendance).',
  },
  {
    key: 'studentAwarenessRate', kind: IndicatorKind.RATE, format: 'share', unitZh: '比率', unitEn: 'share 0-1',
    nameZh: '学生禁毒知识知晓率', nameEn: 'Student awareness rate',
    definitionZh: '上述课程中参加知识测验的学生里测验合格的比例；参加测验不足10人时为空（以免推知个人成绩）。',
    definitionEn: 'Of the students who took the sessions\' quiz, the share who passed; empty when fewer than 10 took one (it would tell their results).',
  },
];

export const preventionReportColumns: DepartmentColumns = {
  group: PREVENTION,
  columns: DEFINITIONS.map((d) => ({ ...d, group: PREVENTION })),
  async figures(ctx, period, codes) {
    const loaders = preventionLoaders(ctx);
    const figures = await Promise.all(codes.map((code) => loaders.indicators(code, period)));
    return new Map(codes.map((code, i): [string, ColumnValues] => [code, { ...figures[i] }]));
  },
};
