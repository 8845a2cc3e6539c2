import { passerelleError } from '@passerelle/subgraph-kit';
import type { JournalContext } from '../context';

/** Bounds of `monJournalDesAcces(premier:)`. */
export const premierMin = 1;
export const premierMax = 200;

/** One entry of `monJournalDesAcces`, as the SDL's `AccesDossier`: no agent id, no other usager. */
export interface AccesDossier {
  date: string;
  organisation: string;
  roles: string[];
  finalite: string;
}

export const Query = {
  /** The caller's own file only: the usager id comes from the gateway's signed context, never from an argument. */
  monJournalDesAcces: async (_: unknown, { premier = 50 }: { premier?: number | null }, ctx: JournalContext): Promise<AccesDossier[]> => {
    const count = premier ?? 50;
    if (!Number.isInteger(count) || count < premierMin || count > premierMax) {
      throw passerelleError('ARGUMENT_INVALIDE', `premier must be between ${premierMin} and ${premierMax}.`, { argument: 'premier' });
    }
    const usagerId = ctx.appel.caller?.usagerId ?? null;
    if (usagerId === null || usagerId === '') return [];
    const accesses = await ctx.accessesOf(usagerId, count);
    // Copy field by field: whatever else a record holds never reaches the answer.
    return accesses.slice(0, count).map(({ date, organisation, roles, finalite }) => ({ date, organisation, roles: [...roles], finalite }));
  },
};
