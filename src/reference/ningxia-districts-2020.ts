// Ningxia's districts, GB/T 2260, with the 2020 census population of the province and its cities:
// reference data of the running service. The migration that inserted them keeps its own frozen copy
// (migrations/reference/), so that history never changes when this list does.
export const NINGXIA_DISTRICTS_2020: ReadonlyArray<
  readonly [code: string, name: string, namePinyin: string, level: string, parentCode: string | null, population: number | null]
> = [
  ['640000', '宁夏回族自治区', 'Ningxia Huizu Zizhiqu', 'PROVINCE', null, 7202654],
  ['640100', '银川市', 'Yinchuan Shi', 'CITY', '640000', 2859074],
  ['640104', '兴庆区', 'Xingqing Qu', 'COUNTY', '640100', null],
  ['640105', '西夏区', 'Xixia Qu', 'COUNTY', '640100', null],
  ['640106', '金凤区', 'Jinfeng Qu', 'COUNTY', '640100', null],
  ['640121', '永宁县', 'Yongning Xian', 'COUNTY', '640100', null],
  ['640122', '贺兰县', 'Helan Xian', 'COUNTY', '640100', null],
  ['640181', '灵武市', 'Lingwu Shi', 'COUNTY', '640100', null],
  ['640200', '石嘴山市', 'Shizuishan Shi', 'CITY', '640000', 751389],
  ['640202', '大武口区', 'Dawukou Qu', 'COUNTY', '640200', null],
  ['640205', '惠农区', 'Huinong Qu', 'COUNTY', '640200', null],
  ['640221', '平罗县', 'Pingluo Xian', 'COUNTY', '640200', null],
  ['640300', '吴忠市', 'Wuzhong Shi', 'CITY', '640000', 1382713],
  ['640302', '利通区', 'Litong Qu', 'COUNTY', '640300', null],
  ['640303', '红寺堡区', 'Hongsibu Qu', 'COUNTY', '640300', null],
  ['640323', '盐池县', 'Yanchi Xian', 'COUNTY', '640300', null],
  ['640324', '同心县', 'Tongxin Xian', 'COUNTY', '640300', null],
  ['640381', '青铜峡市', 'Qingtongxia Shi', 'COUNTY', '640300', null],
  ['640400', '固原市', 'Guyuan Shi', 'CITY', '640000', 1142142],
  ['640402', '原州区', 'Yuanzhou Qu', 'COUNTY', '640400', null],
  ['640422', '西吉县', 'Xiji Xian', 'COUNTY', '640400', null],
  ['640423', '隆德县', 'Longde Xian', 'COUNTY', '640400', null],
  ['640424', '泾源县', 'Jingyuan Xian', 'COUNTY', '640400', null],
  ['640425', '彭阳县', 'Pengyang Xian', 'COUNTY', '640400', null],
  ['640500', '中卫市', 'Zhongwei Shi', 'CITY', '640000', 1067336],
  ['640502', '沙坡头区', 'Shapotou Qu', 'COUNTY', '640500', null],
  ['640521', '中宁县', 'Zhongning Xian', 'COUNTY', '640500', null],
  ['640522', '海原县', 'Haiyuan Xian', 'COUNTY', '640500', null],
];
