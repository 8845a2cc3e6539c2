import { finalites, finalitesParRole, type Caller, type Finalite } from '@passerelle/subgraph-kit';
import { GraphQLError } from 'graphql';

/** The header an operation declares its purpose in (or the request extension `finalite`). */
export const finaliteHeader = 'x-passerelle-finalite';

const refuse = (code: string, message: string, status: number) => new GraphQLError(message, { extensions: { code, http: { status } } });

/**
 * The purpose (finalité) of an operation, checked against the caller's roles. An authenticated
 * caller must declare one from the closed list that at least one of their roles allows; an
 * anonymous caller declares none (only public fields answer them).
 */
export function resolveFinalite(caller: Caller | null, fromHeader: string | undefined, fromExtensions: unknown): Finalite | null {
  const declared = fromHeader ?? (typeof fromExtensions === 'string' ? fromExtensions : undefined);
  if (fromHeader !== undefined && fromExtensions !== undefined && fromExtensions !== fromHeader) {
    throw refuse('FINALITE_INVALIDE', 'The purpose is declared twice, differently (header and extensions).', 400);
  }
  if (caller === null) return declared !== undefined && (finalites as readonly string[]).includes(declared) ? (declared as Finalite) : null;
  if (declared === undefined || declared === '') {
    throw refuse('FINALITE_MANQUANTE', `Declare the purpose of the operation in the ${finaliteHeader} header (one of: ${finalites.join(', ')}).`, 400);
  }
  if (!(finalites as readonly string[]).includes(declared)) {
    throw refuse('FINALITE_INVALIDE', `Unknown purpose. Use one of: ${finalites.join(', ')}.`, 400);
  }
  const finalite = declared as Finalite;
  if (!caller.roles.some((role) => finalitesParRole[role].includes(finalite))) {
    throw refuse('FINALITE_NON_AUTORISEE', 'None of your roles allows this purpose.', 403);
  }
  return finalite;
}
