import { registerEnumType } from 'type-graphql';
import { Department } from '../common/department';

export { Department };

// Every kind of record a department sends; the value names the GraphQL input and the CLI's --kind.
export enum RecordKind {
  DRUG_CASE = 'DRUG_CASE',
  CASE_SUSPECT = 'CASE_SUSPECT',
  SEIZURE = 'SEIZURE',
  DRUG_USE_DETECTION = 'DRUG_USE_DETECTION',
  RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  WASTEWATER_SAMPLE = 'WASTEWATER_SAMPLE',
  PRECURSOR_PERMIT = 'PRECURSOR_PERMIT',
  REHAB_PROGRAMME = 'REHAB_PROGRAMME',
  FOLLOW_UP_CHECK = 'FOLLOW_UP_CHECK',
  CASEWORKER = 'CASEWORKER',
  REHAB_CENTRE = 'REHAB_CENTRE',
  EMPLOYMENT_ASSISTANCE = 'EMPLOYMENT_ASSISTANCE',
}
registerEnumType(RecordKind, {
  name: 'RecordKind',
  description: 'Kind of department record that can be imported (导入记录类型)',
  valuesConfig: {
    DRUG_CASE: { description: 'Drug criminal case, public security (毒品刑事案件)' },
    CASE_SUSPECT: { description: 'Suspect of a case, public security (犯罪嫌疑人)' },
    SEIZURE: { description: 'Seizure in a case, public security (缴获)' },
    DRUG_USE_DETECTION: { description: 'Drug-use detection, public security (查处吸毒)' },
    RISK_ASSESSMENT: { description: 'Risk assessment, public security (风险评估)' },
    WASTEWATER_SAMPLE: { description: 'Wastewater sample, public security (污水监测)' },
    PRECURSOR_PERMIT: { description: 'Precursor-chemical permit, public security (易制毒化学品许可)' },
    REHAB_PROGRAMME: { description: 'Rehabilitation programme, justice (戒毒康复)' },
    FOLLOW_UP_CHECK: { description: 'Follow-up check, justice (帮扶/检测)' },
    CASEWORKER: { description: 'Anti-drug caseworker, justice (禁毒专干)' },
    REHAB_CENTRE: { description: 'Community rehab centre, justice (社区戒毒康复工作中心)' },
    EMPLOYMENT_ASSISTANCE: { description: 'Employment assistance, employment bureau (就业帮扶)' },
  },
});

export enum UpsertStatus {
  INSERTED = 'INSERTED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}
registerEnumType(UpsertStatus, {
  name: 'UpsertStatus',
  description: 'What happened to one submitted record (记录处理结果)',
  valuesConfig: {
    INSERTED: { description: 'New record stored (新增)' },
    UPDATED: { description: 'Existing record (same source key) changed (更新)' },
    UNCHANGED: { description: 'Existing record already had these values (无变化)' },
    REJECTED: { description: 'Not stored: failed validation; kept in quarantine (拒收, 已隔离)' },
  },
});

export enum IdentityField {
  NAME = 'NAME',
  BIRTH_DATE = 'BIRTH_DATE',
  RESIDENCE_DISTRICT = 'RESIDENCE_DISTRICT',
}
registerEnumType(IdentityField, {
  name: 'IdentityField',
  description: 'A personal detail on which departments can disagree (身份信息字段)',
  valuesConfig: {
    NAME: { description: 'Name (姓名)' },
    BIRTH_DATE: { description: 'Birth date (出生日期)' },
    RESIDENCE_DISTRICT: { description: 'Residence district code (居住地区划代码)' },
  },
});

// Department as written in URLs and on the command line: public-security, justice, employment.
export const DEPARTMENT_SLUGS: Record<string, Department> = {
  'public-security': Department.PUBLIC_SECURITY,
  justice: Department.JUSTICE,
  employment: Department.EMPLOYMENT,
};

export function departmentSlug(d: Department): string {
  return Object.entries(DEPARTMENT_SLUGS).find(([, v]) => v === d)![0];
}
