import { z } from 'zod';

/** `YYYYMMDD`, complete: the graph promises ISO dates, so a partial date is a contract breach. */
export const legacyDate = z.string().regex(/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/);
/** An amount in integer cents, never negative (rent, charges, instalment). */
export const cents = z.number().int().min(0);
/** A balance in integer cents: negative when the tenant is in credit. */
export const balanceCents = z.number().int();
/** INSEE code of a birth place (`99xxx` abroad), or null when the landlord did not record it. */
export const birthPlace = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/)
  .nullable();
