// What public security (公安) sends. Dates are YYYY-MM-DD strings validated per item, so that one bad
// date rejects its item, not the whole list.
import { Field, Float, InputType, Int } from 'type-graphql';
import { Substance } from '../common/substance';
import { CaseType, DetectionMethod, Disposition, PermitKind, SeizureKind, SuspectRole } from './public-security.enums';
import { RiskColour } from '../core/risk-colour';
import { IsProvinceCode, NotBefore, RequiredWhen, rule } from '../core/record-validators';
import { Count, Day, Flag, OneOf, PersonFieldsInput, Quantity, RecordDistrict, SourceKey, Text, UnitQuantity } from '../core/record-fields';

const SOURCE_KEY = "The department's own record id, 1-64 printable ASCII characters; re-sending it updates the record (来源系统编号)";
const DISTRICT = 'GB/T 2260 code of a district in the district table (所属区划代码)';

@InputType({ description: 'A drug criminal case as public security sends it (毒品刑事案件)' })
export class DrugCaseInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: 'Case number, at most 40 characters (案件编号)' })
  @Text(40)
  caseNumber: string;

  @Field(() => CaseType, { description: 'Kind of case (案件类型)' })
  @OneOf(CaseType)
  caseType: CaseType;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Day the case was filed, YYYY-MM-DD, not in the future (立案日期)' })
  @Day()
  filedAt: string;

  @Field(() => String, { nullable: true, description: 'Day solved, YYYY-MM-DD, not before filedAt; empty while open (破案日期)' })
  @Day(false)
  @NotBefore('filedAt')
  solvedAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Provincial or ministerial target case; default false (省部级目标案件)' })
  @Flag()
  isTargetCase?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Manufacturing sites destroyed; default 0 (摧毁制毒窝点数)' })
  @Count(100000, false)
  manufacturingSitesDestroyed?: number | null;
}

@InputType({ description: "A suspect's involvement in a case; the record takes the case's district (犯罪嫌疑人)" })
export class CaseSuspectInput extends PersonFieldsInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: 'Source key of the case, sent before (案件来源编号)' })
  @SourceKey()
  caseSourceKey: string;

  @Field(() => SuspectRole, { description: 'Role in the case (涉案角色)' })
  @OneOf(SuspectRole)
  role: SuspectRole;

  @Field(() => String, { nullable: true, description: 'Day of arrest, YYYY-MM-DD; empty if not arrested (抓获日期)' })
  @Day(false)
  arrestedAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Province code where arrested, e.g. 640000 (抓获地省份代码)' })
  @IsProvinceCode()
  arrestProvinceCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A long-wanted fugitive; default false (涉毒"钉子"逃犯)' })
  @Flag()
  isFugitive?: boolean | null;
}

@InputType({ description: "Drugs or precursors seized in a case; the record takes the case's district (缴获)" })
export class SeizureInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: 'Source key of the case, sent before (案件来源编号)' })
  @SourceKey()
  caseSourceKey: string;

  @Field(() => SeizureKind, { description: 'Drug, precursor or other (类别)' })
  @OneOf(SeizureKind)
  kind: SeizureKind;

  @Field({ description: 'For drugs a Substance value; otherwise the chemical or item, at most 40 characters (物品名称)' })
  @Text(40)
  @rule('ENUM', `for DRUG seizures one of ${Object.values(Substance).join(', ')}`, (v, args) => (args.object as SeizureInput).kind !== SeizureKind.DRUG || Object.values(Substance).includes(v as Substance))
  substance: string;

  @Field({ description: 'Day of the seizure, YYYY-MM-DD (缴获日期)' })
  @Day()
  seizedAt: string;

  @Field(() => Float, { nullable: true, description: 'Grams; required for DRUG, empty otherwise (毒品克数)' })
  @UnitQuantity(1e13)
  @RequiredWhen((o) => o.kind === SeizureKind.DRUG, 'DRUG seizures give quantityGrams (grams), others quantityKg (kilograms)')
  quantityGrams?: number | null;

  @Field(() => Float, { nullable: true, description: 'Kilograms; required for PRECURSOR and OTHER, empty for DRUG (千克)' })
  @UnitQuantity(1e13)
  @RequiredWhen((o) => o.kind === SeizureKind.PRECURSOR || o.kind === SeizureKind.OTHER, 'PRECURSOR and OTHER seizures give quantityKg (kilograms), drugs quantityGrams')
  quantityKg?: number | null;
}

@InputType({ description: 'A detection of drug use (查处吸毒)' })
export class DrugUseDetectionInput extends PersonFieldsInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Day of detection, YYYY-MM-DD (查获日期)' })
  @Day()
  detectedAt: string;

  @Field(() => Substance, { description: 'Substance used (吸食毒品种类)' })
  @OneOf(Substance)
  substance: Substance;

  @Field(() => DetectionMethod, { description: 'Test method (检测方式)' })
  @OneOf(DetectionMethod)
  method: DetectionMethod;

  @Field(() => Disposition, { description: 'Disposition (处置结果)' })
  @OneOf(Disposition)
  disposition: Disposition;
}

@InputType({ description: 'A "dual four-colour" risk assessment (双四色风险评估)' })
export class RiskAssessmentInput extends PersonFieldsInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Day of assessment, YYYY-MM-DD (评估日期)' })
  @Day()
  assessedAt: string;

  @Field(() => RiskColour, { description: 'Risk colour (风险等级颜色)' })
  @OneOf(RiskColour)
  riskColour: RiskColour;

  @Field(() => RiskColour, { description: 'Control colour (管控等级颜色)' })
  @OneOf(RiskColour)
  controlColour: RiskColour;
}

@InputType({ description: 'A wastewater sample (污水监测)' })
export class WastewaterSampleInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field({ description: 'Sampling site, at most 80 characters (采样点)' })
  @Text(80)
  site: string;

  @Field({ description: 'Day sampled, YYYY-MM-DD (采样日期)' })
  @Day()
  sampledAt: string;

  @Field(() => Substance, { description: 'Substance measured (检测物质)' })
  @OneOf(Substance)
  substance: Substance;

  @Field(() => Float, { description: 'Concentration in ng/L, >= 0 (浓度, 纳克/升)' })
  @Quantity(1e9)
  concentrationNgPerL: number;

  @Field(() => Float, { description: 'Flow in cubic metres per day, >= 0 (日流量, 立方米)' })
  @Quantity(1e11)
  flowM3PerDay: number;

  @Field(() => Int, { description: 'Population served, >= 0 (服务人口)' })
  @Count(2_000_000_000)
  populationServed: number;
}

@InputType({ description: 'A precursor-chemical permit (易制毒化学品许可)' })
export class PrecursorPermitInput {
  @Field({ description: SOURCE_KEY })
  @SourceKey()
  sourceKey: string;

  @Field({ description: DISTRICT })
  @RecordDistrict()
  districtCode: string;

  @Field(() => PermitKind, { description: 'Purchase or transport (许可类别)' })
  @OneOf(PermitKind)
  kind: PermitKind;

  @Field({ description: 'Day issued, YYYY-MM-DD (发证日期)' })
  @Day()
  issuedAt: string;

  @Field({ description: 'Chemical, at most 60 characters (化学品名称)' })
  @Text(60)
  chemical: string;

  @Field(() => Float, { description: 'Quantity permitted in kilograms, >= 0 (许可数量, 千克)' })
  @Quantity(1e11)
  quantityKg: number;
}
