import { Field, Float, Int, ObjectType } from 'type-graphql';

// Prevention and education figures of a district (and everything below it) for a period. Counts of
// events, places and participants: no person is identifiable, so no suppression applies.
@ObjectType({ description: 'Prevention and education figures of a district and a period (禁毒宣传教育指标)' })
export class PreventionIndicators {
  @Field(() => Int, { description: 'Education bases open on the last day of the period (禁毒科普教育基地数)' })
  educationBases: number;

  @Field(() => Int, { description: 'Publicity events held (宣传活动场次)' })
  publicityEvents: number;

  @Field(() => Int, { description: 'Participants in publicity events (宣传活动参与人次)' })
  publicityParticipants: number;

  @Field(() => Float, { nullable: true, description: 'Publicity events per 10,000 residents, 2 decimals; null without a census population (每万人宣传活动场次)' })
  publicityEventsPer10kResidents: number | null;

  @Field(() => Float, { nullable: true, description: 'Participants per 10,000 residents, 1 decimal; null without a census population (每万人参与人次)' })
  participantsPer10kResidents: number | null;

  @Field(() => Int, { description: 'School education sessions held (学校禁毒教育课次)' })
  schoolSessions: number;

  @Field(() => Int, { description: 'Students who attended them (受教育学生人次)' })
  studentsReached: number;

  @Field(() => Float, { nullable: true, description: 'Share of quiz takers who passed, 0..1, 4 decimals; null when fewer than 10 took one (it would tell their results) (学生禁毒知识知晓率)' })
  studentAwarenessRate: number | null;
}
