import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../core/context';
import { dataAsOf } from './data-as-of';
import { buildJointReport } from './joint-report.service';
import { DataAsOfBasis, JointReport, JointReportInput, JointReportMetadata } from './joint-report.types';

// The provincial anti-drug office's joint report; the service does the work (and the export routes
// in routes.ts call the same service).
@Resolver(() => JointReport)
export class JointReportResolver {
  @Query(() => JointReport, {
    description:
      'Districts of a level below a parent by indicators, with a total, a comparison period, ranks and small-cell suppression (禁毒工作联合报表)',
  })
  async jointReport(@Arg('input', () => JointReportInput, { description: 'What the report covers (报表参数)' }) input: JointReportInput, @Ctx() ctx: Context): Promise<JointReport> {
    return (await buildJointReport(ctx, input)).report;
  }
}

// dataAsOf reads every department table: computed only when a client asks for it.
@Resolver(() => JointReportMetadata)
export class JointReportMetadataResolver {
  @FieldResolver(() => String, {
    description:
      'The latest change to any department record or person, ISO 8601 UTC; or, when the database holds no records, the last day of the period (数据截止时间)',
  })
  async dataAsOf(@Root() metadata: JointReportMetadata, @Ctx() ctx: Context): Promise<string> {
    return (await dataAsOf(ctx.ds, metadata)).at;
  }

  @FieldResolver(() => DataAsOfBasis, { description: 'What dataAsOf is: the latest record update or the period end (数据截止时间依据)' })
  async dataAsOfBasis(@Root() metadata: JointReportMetadata, @Ctx() ctx: Context): Promise<DataAsOfBasis> {
    return (await dataAsOf(ctx.ds, metadata)).basis;
  }
}
