// Synthetic Chinese names and organisation names. Names are drawn from common characters; any
// resemblance to a real person is coincidental.
import { Rng, WeightedTable } from './random';

// Common surnames, roughly by frequency; 马, 杨, 丁, 海 are frequent among Ningxia's Hui population.
const SURNAMES = new WeightedTable<string>([
  ['王', 70], ['李', 68], ['马', 66], ['张', 60], ['刘', 50], ['杨', 40], ['陈', 30], ['赵', 22], ['周', 18],
  ['吴', 15], ['徐', 14], ['孙', 14], ['胡', 13], ['朱', 12], ['高', 12], ['何', 10], ['郭', 12], ['罗', 9],
  ['田', 10], ['丁', 9], ['海', 6], ['金', 6], ['苏', 7], ['韩', 8], ['冯', 7], ['白', 7], ['黄', 9], ['林', 5],
  ['谢', 5], ['宋', 6], ['郑', 6], ['梁', 5], ['任', 5], ['贺', 5], ['魏', 5], ['纳', 3], ['拓', 3], ['虎', 2],
  ['锁', 2], ['余', 3], ['尹', 3], ['姚', 3], ['冶', 2], ['穆', 3], ['撒', 1], ['欧阳', 1], ['司马', 1],
]);

const MALE_CHARS = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁龙建国文东海林志忠福俊峰成军亮晨浩宇博彬云龙虎山学兵'.split('');
const FEMALE_CHARS = '芳娜敏静丽艳娟霞秀英玲红梅兰燕萍洁琳雪婷慧颖倩丹花凤琴莉佳欣悦蓉瑶月晶媛'.split('');
const NEUTRAL_CHARS = '小春晓玉金银永德福平安正海新文天子雨家'.split('');

export function personName(rng: Rng, male: boolean): string {
  const surname = SURNAMES.draw(rng);
  const chars = male ? MALE_CHARS : FEMALE_CHARS;
  if (rng.chance(0.3)) return surname + rng.pick(chars);
  const first = rng.chance(0.35) ? rng.pick(NEUTRAL_CHARS) : rng.pick(chars);
  return surname + first + rng.pick(chars);
}

// Street or township names for community rehab centres.
export const STREET_NAMES = [
  '文化', '胜利', '新华', '解放', '团结', '富宁', '凤凰', '中山', '北京路', '长城', '朔方', '黄河', '贺兰山',
  '宁安', '满春', '丽景', '上海路', '鼓楼', '东塔', '西塔', '城关', '红星', '光明', '友谊', '和平', '建设',
  '振兴', '安康', '民族', '兴业', '南关', '北关', '金水', '康乐', '六盘山', '清水河', '沙湖', '星海', '滨河',
  '开元', '丰安', '永康', '惠民', '新城', '古城', '马家湾', '望远', '杨和', '立岗', '金贵',
] as const;

const COMPANY_WORDS = [
  '宏达', '鑫源', '塞上', '丰禾', '恒信', '金诚', '瑞丰', '天泰', '盛达', '华夏', '新宇', '长城', '福润', '德隆',
  '西部', '河东', '六盘', '贺兰', '凤城', '嘉禾',
];
const COMPANY_TRADES = ['建材有限公司', '物流有限公司', '农业发展有限公司', '餐饮管理有限公司', '物业服务有限公司', '枸杞产业有限公司', '清真食品有限公司', '汽车维修有限公司', '保洁服务有限公司', '牛羊养殖合作社'];
const TRAINING_SCHOOLS = ['职业技能培训学校', '技工学校', '职业培训中心', '家政服务培训中心', '电子商务培训基地'];

export function companyName(rng: Rng, countyName: string): string {
  return `${countyName}${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_TRADES)}`;
}

export function trainingProvider(rng: Rng, cityName: string): string {
  return `${cityName}${rng.pick(COMPANY_WORDS)}${rng.pick(TRAINING_SCHOOLS)}`;
}

export function labourBureau(countyName: string): string {
  return `${countyName}人力资源和社会保障局`;
}

export function welfarePostProvider(rng: Rng, countyName: string): string {
  return `${countyName}${rng.pick(['环卫所', '社区服务中心', '园林绿化队', '公益性岗位管理站', '乡镇综合服务站'])}`;
}

export function povertyProvider(countyName: string): string {
  return `${countyName}乡村振兴局`;
}
