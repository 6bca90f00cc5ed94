import { registerEnumType } from 'type-graphql';

export enum CaseType {
  TRAFFICKING = 'TRAFFICKING',
  ILLEGAL_POSSESSION = 'ILLEGAL_POSSESSION',
  HARBOURING_DRUG_USE = 'HARBOURING_DRUG_USE',
  PRECURSOR_CRIME = 'PRECURSOR_CRIME',
  ILLEGAL_PLANTING = 'ILLEGAL_PLANTING',
}
registerEnumType(CaseType, {
  name: 'CaseType',
  description: 'Kind of drug criminal case (毒品刑事案件类型)',
  valuesConfig: {
    TRAFFICKING: { description: 'Trafficking, transporting or manufacturing drugs (贩卖、运输、制造毒品)' },
    ILLEGAL_POSSESSION: { description: 'Illegal possession of drugs (非法持有毒品)' },
    HARBOURING_DRUG_USE: { description: 'Harbouring others to use drugs (容留他人吸毒)' },
    PRECURSOR_CRIME: { description: 'Precursor-chemical crime (制毒物品犯罪)' },
    ILLEGAL_PLANTING: { description: 'Illegal planting of drug plants (非法种植毒品原植物)' },
  },
});

export enum SuspectRole {
  PRINCIPAL = 'PRINCIPAL',
  ACCOMPLICE = 'ACCOMPLICE',
  OTHER = 'OTHER',
}
registerEnumType(SuspectRole, {
  name: 'SuspectRole',
  description: "A suspect's role in a case (涉案角色)",
  valuesConfig: {
    PRINCIPAL: { description: 'Principal offender (主犯)' },
    ACCOMPLICE: { description: 'Accomplice (从犯)' },
    OTHER: { description: 'Other involvement (其他涉案人员)' },
  },
});

export enum SeizureKind {
  DRUG = 'DRUG',
  PRECURSOR = 'PRECURSOR',
  OTHER = 'OTHER',
}
registerEnumType(SeizureKind, {
  name: 'SeizureKind',
  description: 'What was seized (缴获物类别)',
  valuesConfig: {
    DRUG: { description: 'Drugs, weighed in grams (毒品)' },
    PRECURSOR: { description: 'Precursor chemicals, weighed in kilograms (制毒物品)' },
    OTHER: { description: 'Other controlled items such as seeds or nitrous oxide, in kilograms (其他)' },
  },
});

export enum DetectionMethod {
  URINE = 'URINE',
  HAIR = 'HAIR',
  BLOOD = 'BLOOD',
}
registerEnumType(DetectionMethod, {
  name: 'DetectionMethod',
  description: 'How drug use was detected (检测方式)',
  valuesConfig: {
    URINE: { description: 'Urine test (尿检)' },
    HAIR: { description: 'Hair test (毛发检测)' },
    BLOOD: { description: 'Blood test (血检)' },
  },
});

export enum Disposition {
  ADMINISTRATIVE_DETENTION = 'ADMINISTRATIVE_DETENTION',
  COMMUNITY_DETOX_ORDER = 'COMMUNITY_DETOX_ORDER',
  COMPULSORY_ISOLATION_ORDER = 'COMPULSORY_ISOLATION_ORDER',
}
registerEnumType(Disposition, {
  name: 'Disposition',
  description: 'What followed a detection (处置结果)',
  valuesConfig: {
    ADMINISTRATIVE_DETENTION: { description: 'Administrative detention (行政拘留)' },
    COMMUNITY_DETOX_ORDER: { description: 'Community detox ordered (责令社区戒毒)' },
    COMPULSORY_ISOLATION_ORDER: { description: 'Compulsory isolated detox ordered (决定强制隔离戒毒)' },
  },
});

export enum PermitKind {
  PURCHASE = 'PURCHASE',
  TRANSPORT = 'TRANSPORT',
}
registerEnumType(PermitKind, {
  name: 'PermitKind',
  description: 'Kind of precursor-chemical permit (易制毒化学品许可类别)',
  valuesConfig: {
    PURCHASE: { description: 'Purchase permit (购买许可)' },
    TRANSPORT: { description: 'Transport permit (运输许可)' },
  },
});
