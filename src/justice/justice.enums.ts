import { registerEnumType } from 'type-graphql';

export enum ProgrammeKind {
  COMPULSORY_ISOLATION = 'COMPULSORY_ISOLATION',
  COMMUNITY_DETOX = 'COMMUNITY_DETOX',
  COMMUNITY_REHAB = 'COMMUNITY_REHAB',
  VOLUNTARY = 'VOLUNTARY',
}
registerEnumType(ProgrammeKind, {
  name: 'ProgrammeKind',
  description: 'Kind of rehabilitation programme (戒毒康复类型)',
  valuesConfig: {
    COMPULSORY_ISOLATION: { description: 'Compulsory isolated detox, 2 years by law (强制隔离戒毒)' },
    COMMUNITY_DETOX: { description: 'Community detox (社区戒毒)' },
    COMMUNITY_REHAB: { description: 'Community rehabilitation (社区康复)' },
    VOLUNTARY: { description: 'Voluntary detox (自愿戒毒)' },
  },
});

export enum ProgrammeOutcome {
  COMPLETED = 'COMPLETED',
  RELAPSED = 'RELAPSED',
  ABSCONDED = 'ABSCONDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ProgrammeOutcome, {
  name: 'ProgrammeOutcome',
  description: 'How a programme ended (结果)',
  valuesConfig: {
    COMPLETED: { description: 'Completed (期满解除)' },
    RELAPSED: { description: 'Relapsed (复吸)' },
    ABSCONDED: { description: 'Absconded, lost from supervision (脱失)' },
    TERMINATED: { description: 'Terminated for another reason (终止)' },
  },
});

export enum CheckKind {
  URINE_TEST = 'URINE_TEST',
  VISIT = 'VISIT',
  COUNSELLING = 'COUNSELLING',
}
registerEnumType(CheckKind, {
  name: 'CheckKind',
  description: 'Kind of follow-up check (帮扶/检测类型)',
  valuesConfig: {
    URINE_TEST: { description: 'Urine test (尿检)' },
    VISIT: { description: 'Home or workplace visit (走访)' },
    COUNSELLING: { description: 'Psychological counselling (心理疏导)' },
  },
});

export enum CheckResult {
  NEGATIVE = 'NEGATIVE',
  POSITIVE = 'POSITIVE',
  COMPLETED = 'COMPLETED',
  MISSED = 'MISSED',
}
registerEnumType(CheckResult, {
  name: 'CheckResult',
  description: 'Result of a follow-up check (结果)',
  valuesConfig: {
    NEGATIVE: { description: 'Test negative (阴性)' },
    POSITIVE: { description: 'Test positive: evidence of use (阳性)' },
    COMPLETED: { description: 'Visit or counselling done (已完成)' },
    MISSED: { description: 'Person did not attend (未到)' },
  },
});
