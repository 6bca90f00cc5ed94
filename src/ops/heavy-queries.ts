import { ApolloServerPlugin } from '@apollo/server';
import { domainError } from '../common/errors';
import { LIMITS, operationCost } from '../common/limits';
import { currentRecord } from './request-context';

// Heavy operations (a cost above `heavyCost`) of one subject run one at a time (`maxHeavyInFlight`,
// SUBJECT_MAX_HEAVY_IN_FLIGHT), whatever SUBJECT_MAX_IN_FLIGHT allows for small ones. Answering a large
// response holds the single event loop for hundreds of milliseconds; two of them from one subject
// meant another subject's small query could wait behind both (issue 14, item 6). The cost is the one
// the limits plugin computed (src/common/limits.ts), so this plugin comes after it.
export interface HeavyQueryOptions {
  heavyCost: number;
  maxHeavyInFlight: number;
}

export const DEFAULT_HEAVY_QUERIES: HeavyQueryOptions = { heavyCost: Math.floor(LIMITS.maxCost / 10), maxHeavyInFlight: 1 };

export function heavyQueryGate(options: HeavyQueryOptions = DEFAULT_HEAVY_QUERIES): ApolloServerPlugin<{ viewer?: { sub: string } }> {
  const inFlight = new Map<string, number>();
  return {
    async requestDidStart() {
      let held: string | null = null;
      const release = () => {
        if (held === null) return;
        const left = (inFlight.get(held) ?? 1) - 1;
        if (left > 0) inFlight.set(held, left);
        else inFlight.delete(held);
        held = null;
      };
      return {
        async didResolveOperation({ request, contextValue }) {
          const cost = operationCost(request);
          const sub = contextValue.viewer?.sub;
          if (cost === undefined || cost <= options.heavyCost || !sub) return;
          const running = inFlight.get(sub) ?? 0;
          if (running >= options.maxHeavyInFlight) {
            currentRecord()?.codes.add('RATE_LIMITED');
            throw domainError('RATE_LIMITED', `At most ${options.maxHeavyInFlight} heavy operation(s) (cost above ${options.heavyCost}) of one user run at once; retry when one has finished`, {
              retryAfterSeconds: 1, reason: 'HEAVY_IN_FLIGHT', http: { status: 429, headers: new Map([['retry-after', '1']]) },
            });
          }
          inFlight.set(sub, running + 1);
          held = sub;
        },
        async willSendResponse() {
          release();
        },
      };
    },
  };
}
