/** A context the subgraph must refuse; `reason` is for the logs only (a jose code such as `ERR_JWT_EXPIRED`), never for the caller. */
export class GatewayContextError extends Error {
  constructor(readonly reason: string) {
    super('The gateway context is invalid.');
    this.name = 'GatewayContextError';
  }
}
