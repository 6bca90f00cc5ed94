import { registerEnumType } from 'type-graphql';

export enum AssistanceKind {
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  JOB_PLACEMENT = 'JOB_PLACEMENT',
  ENTREPRENEURSHIP = 'ENTREPRENEURSHIP',
  PUBLIC_WELFARE_POST = 'PUBLIC_WELFARE_POST',
  SUBSIDY = 'SUBSIDY',
  POVERTY_ALLEVIATION = 'POVERTY_ALLEVIATION',
}
registerEnumType(AssistanceKind, {
  name: 'AssistanceKind',
  description: 'Kind of employment assistance (就业帮扶类型)',
  valuesConfig: {
    VOCATIONAL_TRAINING: { description: 'Vocational skills training (技能培训)' },
    JOB_PLACEMENT: { description: 'Job placement (就业安置)' },
    ENTREPRENEURSHIP: { description: 'Entrepreneurship support (创业扶持)' },
    PUBLIC_WELFARE_POST: { description: 'Public-welfare post (公益性岗位)' },
    SUBSIDY: { description: 'Employment subsidy (就业补贴)' },
    POVERTY_ALLEVIATION: { description: 'Poverty alleviation support (帮扶脱贫)' },
  },
});

export enum AssistanceOutcome {
  EMPLOYED = 'EMPLOYED',
  SELF_EMPLOYED = 'SELF_EMPLOYED',
  IN_TRAINING = 'IN_TRAINING',
  DROPPED = 'DROPPED',
  LIFTED_OUT_OF_POVERTY = 'LIFTED_OUT_OF_POVERTY',
}
registerEnumType(AssistanceOutcome, {
  name: 'AssistanceOutcome',
  description: 'Outcome of an assistance (帮扶结果)',
  valuesConfig: {
    EMPLOYED: { description: 'Employed (已就业)' },
    SELF_EMPLOYED: { description: 'Self-employed (自主创业/灵活就业)' },
    IN_TRAINING: { description: 'In training (培训中)' },
    DROPPED: { description: 'Dropped out (中途退出)' },
    LIFTED_OUT_OF_POVERTY: { description: 'Lifted out of poverty (已脱贫)' },
  },
});
