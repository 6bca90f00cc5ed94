import { registerEnumType } from 'type-graphql';

export enum PublicityKind {
  CAMPAIGN = 'CAMPAIGN',
  LECTURE = 'LECTURE',
  EXHIBITION = 'EXHIBITION',
  COMPETITION = 'COMPETITION',
  ONLINE = 'ONLINE',
}

registerEnumType(PublicityKind, {
  name: 'PublicityKind',
  description: 'Kind of anti-drug publicity event (禁毒宣传活动类型)',
  valuesConfig: {
    CAMPAIGN: { description: 'Street or community campaign, e.g. on 26 June (集中宣传)' },
    LECTURE: { description: 'Lecture or talk (讲座/宣讲)' },
    EXHIBITION: { description: 'Exhibition or visit to an education base (展览/参观)' },
    COMPETITION: { description: 'Knowledge competition or contest (知识竞赛/评比)' },
    ONLINE: { description: 'Online event on a new-media platform (线上活动)' },
  },
});
