import { ApolloServerPlugin } from '@apollo/server';
import { Kind, SelectionSetNode } from 'graphql';
import { domainError } from '../common/errors';
import { Role } from './viewer';

// In production a subgraph's `_service { sdl }` (the whole schema, introspection by another name)
// answers administrators only; the gateway composes the supergraph from the code and never asks.
export function serviceSdlGuard(): ApolloServerPlugin<{ viewer?: { role: string } }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query' || !selectsServiceSdl(operation.selectionSet)) return;
          if (contextValue.viewer?.role === Role.ADMIN) return;
          throw domainError('FORBIDDEN', 'The subgraph schema is for administrators', { http: { status: 403 } });
        },
      };
    },
  };
}

function selectsServiceSdl(selections: SelectionSetNode): boolean {
  return selections.selections.some((s) => (s.kind === Kind.FIELD && s.name.value === '_service') || (s.kind === Kind.INLINE_FRAGMENT && selectsServiceSdl(s.selectionSet)));
}

