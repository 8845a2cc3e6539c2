/**
 * The order in which the gateways run in one round of a row: rounds go in pairs, the second of a
 * pair the first reversed (ABC, CBA), and each pair starts one gateway further (BCA, ACB; CAB,
 * BAC; …).
 *
 * Why reversed pairs: within a row the subgraphs' CPU per request drifts as the row goes on (their
 * caches and heaps keep growing for the read caches' TTL, docs/scripts-and-tests.md). Over a pair,
 * every gateway's mean place is the same, so a steady drift weighs on each alike. Rotation
 * alone (ABC, BCA) gave B the earliest mean place (second, then first: 1.5), A the middle (first,
 * then third: 2) and C the latest (third, then second: 2.5). With two gateways both are the same
 * (AB, BA). Starting each pair one further still puts every gateway first in turn.
 */
export function gatewayOrder<T>(gateways: readonly T[], round: number): T[] {
  if (!Number.isInteger(round) || round < 1) throw new RangeError(`round must be a whole number from 1; got ${round}`);
  const pair = Math.floor((round - 1) / 2);
  const forward = gateways.map((_, i) => gateways[(i + pair) % gateways.length]!);
  return round % 2 === 1 ? forward : forward.reverse();
}
