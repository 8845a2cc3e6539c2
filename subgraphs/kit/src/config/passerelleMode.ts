/** PASSERELLE_MODE: `production` refuses every development default that would let anyone in (keys and secrets of this repository). */
export const passerelleModes = ['dev', 'production'] as const;
export type PasserelleMode = (typeof passerelleModes)[number];
