import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { auditMac } from '../audit/audit-key';
import { Viewer } from '../policy/viewer';
import { domainError } from '../common/errors';
import { JointReportInput } from './joint-report.types';

// Download links a browser can follow without an Authorization header: the report's parameters, who
// asked (sub, role, district: the jurisdiction the report runs in; the purpose they gave), an expiry,
// and an HMAC over all of it. Who asked is sealed (AES-256-GCM): a link lands in browser histories
// and proxy logs, which must not learn an official's name or the purpose they gave. A link works for LINK_TTL_SECONDS, and never after the token that asked
// for it expires; editing any parameter or the expiry breaks the signature. Following it counts against
// the quota of the subject who asked (src/ops/subject-limits.ts) and is audited with the parameters.
export const LINK_TTL_SECONDS = 300;
const LINK_PARAMETERS = ['expires', 'as', 'sig'];

export enum ReportFormat {
  CSV = 'csv',
  XLSX = 'xlsx',
  HTML = 'html',
}
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'File format of a report download (导出格式)',
  valuesConfig: {
    CSV: { description: 'Comma-separated values, UTF-8 (CSV 文件)' },
    XLSX: { description: 'Excel workbook (电子表格)' },
    HTML: { description: 'Printable page with charts (网页)' },
  },
});

@ObjectType({ description: 'A short-lived link to download a report without an Authorization header (报表下载链接)' })
export class ReportLink {
  @Field({ description: 'Path and query of the download, relative to the service, e.g. /reports/joint.csv?... (下载地址)' })
  url: string;

  @Field({ description: 'When the link stops working, ISO 8601 (失效时间)' })
  expiresAt: string;
}

// The signing key: derived from the audit chain's key, which production requires and keeps outside the
// database (src/audit/audit-key.ts); not from the token secret, which a JWKS deployment does not have.
const linkKey = () => Buffer.from(auditMac('jindu-graph report download links'), 'hex');

const sealKey = () => Buffer.from(auditMac('jindu-graph report download links: identity'), 'hex');

function seal(value: object): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function unseal(text: string): unknown {
  const raw = Buffer.from(text, 'base64url');
  if (raw.length < 28) throw new Error('sealed identity too short');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(), raw.subarray(0, 12), { authTagLength: 16 });
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}

const sign = (path: string, params: URLSearchParams) => createHmac('sha256', linkKey()).update(`${path}?${params.toString()}`).digest('base64url');

export function reportParameters(input: JointReportInput): URLSearchParams {
  const params = new URLSearchParams({ from: input.period.from, to: input.period.to });
  if (input.compareTo) {
    params.set('compareFrom', input.compareTo.from);
    params.set('compareTo', input.compareTo.to);
  }
  if (input.level) params.set('level', input.level);
  if (input.parentCode) params.set('parentCode', input.parentCode);
  if (input.indicators?.length) params.set('indicators', input.indicators.join(','));
  return params;
}

export function signReportLink(viewer: Viewer, format: ReportFormat, input: JointReportInput, now = Date.now()): ReportLink {
  const path = `/reports/joint.${format}`;
  const expires = Math.min(Math.floor(now / 1000) + LINK_TTL_SECONDS, viewer.expiresAt ?? Number.POSITIVE_INFINITY);
  const params = reportParameters(input);
  params.set('expires', String(expires));
  const as = { sub: viewer.sub, name: viewer.name, role: viewer.role, district: viewer.district, purpose: viewer.purpose };
  params.set('as', seal(as));
  params.set('sig', sign(path, params));
  return { url: `${path}?${params.toString()}`, expiresAt: new Date(expires * 1000).toISOString() };
}

const refused = (why: string) => domainError('UNAUTHENTICATED', `The download link ${why}; ask for a new one`);

// The viewer a signed link was issued to, and the query without the link's own parameters.
export function verifyReportLink(path: string, rawQuery: string, now = Date.now()): { viewer: Viewer; query: Record<string, string> } {
  const params = new URLSearchParams(rawQuery);
  const sig = params.get('sig') ?? '';
  params.delete('sig');
  const expected = Buffer.from(sign(path, params));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused('is not valid');
  const expires = Number(params.get('expires'));
  if (!Number.isSafeInteger(expires) || expires * 1000 < now) throw refused('has expired');
  let who: Viewer;
  try {
    who = unseal(params.get('as') ?? '') as Viewer;
  } catch {
    throw refused('is not valid');
  }
  const { sub, name, role, district, purpose } = who;
  const query: Record<string, string> = {};
  for (const [k, v] of params) if (!LINK_PARAMETERS.includes(k)) query[k] = v;
  return { viewer: { sub, name, role, district, purpose: typeof purpose === 'string' ? purpose : null, expiresAt: expires }, query };
}

// The subject a signed link was issued to, for the per-subject quotas; null when the request is no
// valid link (the route answers it 401).
export function linkSubject(path: string, rawQuery: string): Omit<Viewer, 'purpose'> | null {
  if (!path.startsWith('/reports/') || !new URLSearchParams(rawQuery).has('sig')) return null;
  try {
    const { viewer } = verifyReportLink(path, rawQuery);
    return { sub: viewer.sub, name: viewer.name, role: viewer.role, district: viewer.district };
  } catch {
    return null;
  }
}

export const isSignedLink = (query: Record<string, unknown>) => typeof query.sig === 'string';
