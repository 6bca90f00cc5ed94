import { justiceLoaders } from './justice.loaders';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { Person } from '../core/person.entity';
import { Caseworker } from './caseworker.entity';
import { FollowUpCheck } from './follow-up-check.entity';
import { RehabCentre } from './rehab-centre.entity';
import { RehabProgramme } from './rehab-programme.entity';

// Justice's fields on Person, and the relations of its own records.
@Resolver(() => Person)
export class PersonJusticeResolver {
  @FieldResolver(() => [RehabProgramme], { nullable: true, description: 'Rehabilitation programmes, newest first (戒毒康复记录)' })
  rehabProgrammes(@Root() person: Person, @Ctx() ctx: Context): Promise<RehabProgramme[]> {
    return justiceLoaders(ctx).programmesByPerson.load(person.id);
  }
}

@Resolver(() => RehabProgramme)
export class RehabProgrammeResolver {
  @FieldResolver(() => [FollowUpCheck], { nullable: true, description: 'Follow-up checks, newest first (帮扶/检测记录)' })
  followUpChecks(@Root() programme: RehabProgramme, @Ctx() ctx: Context): FollowUpCheck[] | Promise<FollowUpCheck[]> {
    return programme.loadedChecks ?? justiceLoaders(ctx).checksByProgramme.load(programme.id);
  }

  @FieldResolver(() => Caseworker, { nullable: true, description: 'The responsible caseworker (禁毒专干)' })
  caseworker(@Root() programme: RehabProgramme, @Ctx() ctx: Context): Caseworker | Promise<Caseworker | null> | null {
    return programme.caseworkerId === null ? null : (programme.caseworkerRef ?? justiceLoaders(ctx).caseworkerById.load(programme.caseworkerId));
  }

  @FieldResolver(() => RehabCentre, { nullable: true, description: 'The community centre (社区戒毒康复工作中心)' })
  centre(@Root() programme: RehabProgramme, @Ctx() ctx: Context): RehabCentre | Promise<RehabCentre | null> | null {
    return programme.centreId === null ? null : (programme.centreRef ?? justiceLoaders(ctx).centreById.load(programme.centreId));
  }
}
