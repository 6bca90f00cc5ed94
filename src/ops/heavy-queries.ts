import { ApolloServerPlugin } from '@apollo/server';
import { domainError } from '../common/errors';
import { LIMITS, operationCost } from '../common/limits';
import { currentRecord } from './request-context';

// Heavy operations of one subject run one at a time (`maxHeavyInFlight`, SUBJECT_MAX_HEAVY_IN_FLIGHT),
// whatever SUBJECT_MAX_IN_FLIGHT allows for small ones. Answering a large response holds the single
// event loop for hundreds of milliseconds; two of them from one subject meant another subject's small
// query could wait behind both (issue 14, item 6). Heavy are GraphQL operations costing more than
// `heavyCost` (the cost the limits plugin computed, src/common/limits.ts, so this plugin comes after
// it) and every joint report export (src/reports/routes.ts): both take their slot from one HeavySlots.
export const DEFAULT_HEAVY_QUERIES = { heavyCost: Math.floor(LIMITS.maxCost / 10) };

// The heavy work each subject has in flight, shared by the GraphQL gate and the export routes.
export class HeavySlots {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly maxHeavyInFlight: number) {}

  // A slot for this subject, or RATE_LIMITED (429, HEAVY_IN_FLIGHT); call the returned function once done.
  take(sub: string, what = 'heavy operation(s)'): () => void {
    const running = this.inFlight.get(sub) ?? 0;
    if (running >= this.maxHeavyInFlight) {
      currentRecord()?.codes.add('RATE_LIMITED');
      throw domainError('RATE_LIMITED', `At most ${this.maxHeavyInFlight} ${what} of one user run at once; retry when one has finished`, {
        retryAfterSeconds: 1, reason: 'HEAVY_IN_FLIGHT', http: { status: 429, headers: new Map([['retry-after', '1']]) },
      });
    }
    this.inFlight.set(sub, running + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(sub) ?? 1) - 1;
      if (left > 0) this.inFlight.set(sub, left);
      else this.inFlight.delete(sub);
    };
  }
}

export function heavyQueryGate(slots: HeavySlots, heavyCost = DEFAULT_HEAVY_QUERIES.heavyCost): ApolloServerPlugin<{ viewer?: { sub: string } }> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation({ request, contextValue }) {
          const cost = operationCost(request);
          const sub = contextValue.viewer?.sub;
          if (cost === undefined || cost <= heavyCost || !sub) return;
          release = slots.take(sub, `heavy operation(s) (cost above ${heavyCost})`);
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
