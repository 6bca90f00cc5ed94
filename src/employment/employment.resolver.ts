import { employmentLoaders } from './employment.loaders';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { Person } from '../core/person.entity';
import { EmploymentAssistance } from './employment-assistance.entity';

// The employment bureau's fields on Person.
@Resolver(() => Person)
export class PersonEmploymentResolver {
  @FieldResolver(() => [EmploymentAssistance], { nullable: true, description: 'Employment assistance, newest first (就业帮扶记录)' })
  employmentAssistances(@Root() person: Person, @Ctx() ctx: Context): Promise<EmploymentAssistance[]> {
    return employmentLoaders(ctx).assistancesByPerson.load(person.id);
  }
}
