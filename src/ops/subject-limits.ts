import { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticate, TokenVerifier } from '../policy/tokens';
import { Viewer } from '../policy/viewer';
import { currentRecord } from './request-context';

// Per-subject quotas (README, security): one token subject cannot starve the others.
export interface SubjectLimitOptions {
  // requests of one subject being answered at once (SUBJECT_MAX_IN_FLIGHT)
  maxInFlight: number;
  // sustained requests per minute of one subject (SUBJECT_RATE_PER_MINUTE), in bursts of up to `burst` (SUBJECT_BURST)
  ratePerMinute: number;
  burst: number;
  // of those in flight, heavy operations (src/ops/heavy-queries.ts; SUBJECT_MAX_HEAVY_IN_FLIGHT);
  // when not given, maxInFlight
  maxHeavyInFlight?: number;
}

export const DEFAULT_SUBJECT_LIMITS: SubjectLimitOptions = { maxInFlight: 2, ratePerMinute: 3000, burst: 1000, maxHeavyInFlight: 1 };

export interface RefusedRequest {
  subject: string;
  role: string;
  district: string;
  path: string;
  code: 'RATE_LIMITED';
  reason: 'IN_FLIGHT' | 'RATE';
}

// Hook for the audit trail: called once for every request refused by a quota (no token, no variables).
export type RefusedRequestHook = (refusal: RefusedRequest) => void;

interface SubjectState {
  inFlight: number;
  tokens: number;
  refilledAt: number;
}

const MAX_TRACKED_SUBJECTS = 10_000;

// Who a request without an Authorization header comes from, if anyone: a signed report download link
// names the subject who asked for it (src/reports/download-links.ts), so its downloads count for them.
export type OtherIdentity = (req: Request) => Omit<Viewer, 'purpose'> | null;

// Token bucket and in-flight count per subject. The token is verified here once; the GraphQL context
// and the HTTP routes reuse the identity from res.locals.identity. Requests without a valid token (or
// link) pass on unchanged: the route answers them 401.
export function subjectLimits(verify: TokenVerifier, options: SubjectLimitOptions, onRefused?: RefusedRequestHook, otherIdentity?: OtherIdentity): RequestHandler {
  const subjects = new Map<string, SubjectState>();
  const perMs = options.ratePerMinute / 60_000;

  const stateOf = (sub: string, now: number): SubjectState => {
    let state = subjects.get(sub);
    if (!state) {
      if (subjects.size >= MAX_TRACKED_SUBJECTS) prune(now);
      state = { inFlight: 0, tokens: options.burst, refilledAt: now };
      subjects.set(sub, state);
    }
    state.tokens = Math.min(options.burst, state.tokens + (now - state.refilledAt) * perMs);
    state.refilledAt = now;
    return state;
  };
  // subjects with nothing in flight and a full bucket carry no information
  const prune = (now: number) => {
    for (const [sub, s] of subjects) if (!s.inFlight && s.tokens + (now - s.refilledAt) * perMs >= options.burst) subjects.delete(sub);
  };

  return (req: Request, res: Response, next: NextFunction) => {
    const other = req.headers.authorization ? null : otherIdentity?.(req);
    if (!req.headers.authorization && !other) return next();
    (other ? Promise.resolve(other) : authenticate(verify, req.headers.authorization)).then(
      (identity: Omit<Viewer, 'purpose'>) => {
        if (!other) res.locals.identity = identity;
        const now = Date.now();
        const state = stateOf(identity.sub, now);
        const reason = state.inFlight >= options.maxInFlight ? 'IN_FLIGHT' : state.tokens < 1 ? 'RATE' : null;
        if (reason) {
          const retryAfter = reason === 'RATE' ? Math.max(1, Math.ceil((1 - state.tokens) / perMs / 1000)) : 1;
          currentRecord()?.codes.add('RATE_LIMITED');
          onRefused?.({ subject: identity.sub, role: identity.role, district: identity.district, path: req.path, code: 'RATE_LIMITED', reason });
          res.setHeader('retry-after', String(retryAfter));
          res.setHeader('cache-control', 'no-store');
          const message =
            reason === 'IN_FLIGHT'
              ? `At most ${options.maxInFlight} requests of one user are answered at once; retry when one has finished`
              : `At most ${options.ratePerMinute} requests of one user per minute; retry in ${retryAfter} s`;
          res.status(429).json({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter } }] });
          return;
        }
        state.tokens -= 1;
        state.inFlight += 1;
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          state.inFlight -= 1;
        };
        res.on('finish', release);
        res.on('close', release);
        next();
      },
      // not authenticated: the route itself answers 401 with its usual message
      () => next(),
    );
  };
}
