import { Context } from '../core/context';
import { PersonFacts } from '../core/department-module';
import { publicSecurityLoaders } from './public-security.loaders';

// What public security tells about a person's status: the days drug use was detected.
export async function publicSecurityFacts(personId: number, ctx: Context): Promise<PersonFacts> {
  const detections = await publicSecurityLoaders(ctx).detectionsByPerson.load(personId);
  return { detectionDays: detections.map((d) => d.detectedAt) };
}
