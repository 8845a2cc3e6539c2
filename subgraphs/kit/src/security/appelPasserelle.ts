import { z } from 'zod';
import { finalites, partnerCodePattern, roles, type Caller, type GatewayRequestContext } from './caller';

/**
 * What a subgraph is told about the operation it serves, in the context the gateway signs for
 * it: the gateway's request id, who calls and for what purpose. Exactly these three fields of
 * the gateway's request context travel, nothing else it may hold. Never a NIR or a name.
 */
export type AppelPasserelle = Pick<GatewayRequestContext, 'requestId' | 'caller' | 'finalite'>;

// Typed against Caller: a field added to Caller and not here fails the type-check.
const callerSchema: z.ZodType<Caller> = z.object({
  subject: z.string().min(1).max(200),
  kind: z.enum(['agent', 'usager']),
  roles: z.array(z.enum(roles)).max(roles.length),
  organisation: z.string().min(1).max(100),
  partenaire: z.string().regex(partnerCodePattern).nullable(),
  referentId: z.string().max(100).nullable(),
  usagerId: z.string().max(200).nullable(),
});

/**
 * The claims of a signed context, checked on both sides: the gateway signs only what passes
 * (unknown fields are dropped), a subgraph refuses a well-signed context that does not.
 */
export const appelPasserelleSchema: z.ZodType<AppelPasserelle> = z.object({
  requestId: z.string().min(1).max(100),
  caller: callerSchema.nullable(),
  finalite: z.enum(finalites).nullable(),
});
