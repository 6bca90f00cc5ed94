import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../core/context';
import { auditDownload } from './download-audit';
import { reportParameters, ReportFormat, ReportLink, signReportLink } from './download-links';
import { JointReportInput } from './joint-report.types';

@Resolver()
export class ReportLinkResolver {
  @Query(() => ReportLink, { description: 'A link that downloads the joint report for 5 minutes (never after the token asking for it expires) without an Authorization header, e.g. from a browser (联合报表下载链接)' })
  jointReportLink(
    @Arg('input', () => JointReportInput, { description: 'What the report covers (报表参数)' }) input: JointReportInput,
    @Arg('format', () => ReportFormat, { description: 'File format (导出格式)' }) format: ReportFormat,
    @Ctx() ctx: Context,
  ): ReportLink {
    const link = signReportLink(ctx.viewer, format, input);
    auditDownload(ctx.ds, ctx.viewer, `issued:joint.${format}`, Object.fromEntries(reportParameters(input)));
    return link;
  }
}
