import { gatewayOrder } from '../src/bench/gatewayOrder';

/** The bench's order of gateways per round (gatewayOrder.ts): balanced over each pair of rounds. */
describe('gatewayOrder', () => {
  const three = ['passerelle', 'apollo', 'hive'] as const;

  it('reverses the first order in the second round, and starts the next pair one further', () => {
    expect([1, 2, 3, 4, 5, 6].map((round) => gatewayOrder(three, round).join(' '))).toEqual([
      'passerelle apollo hive',
      'hive apollo passerelle',
      'apollo hive passerelle',
      'passerelle hive apollo',
      'hive passerelle apollo',
      'apollo passerelle hive',
    ]);
  });

  it('gives every gateway the same mean position over each pair of rounds, and each its turn first', () => {
    for (const gateways of [three, ['a', 'b'], ['a', 'b', 'c', 'd']] as const) {
      for (let pair = 0; pair < gateways.length; pair += 1) {
        const orders = [gatewayOrder(gateways, 2 * pair + 1), gatewayOrder(gateways, 2 * pair + 2)];
        for (const gateway of gateways) expect(orders.map((order) => order.indexOf(gateway)).reduce((a, b) => a + b)).toBe(gateways.length - 1);
      }
      const firsts = new Set(Array.from({ length: gateways.length }, (_, pair) => gatewayOrder(gateways, 2 * pair + 1)[0]));
      expect(firsts.size).toBe(gateways.length);
    }
  });

  it('leaves one gateway alone and refuses a round that is not a whole number from 1', () => {
    expect(gatewayOrder(['passerelle'], 2)).toEqual(['passerelle']);
    expect(() => gatewayOrder(three, 0)).toThrow('round must be a whole number from 1; got 0');
    expect(() => gatewayOrder(three, 1.5)).toThrow(RangeError);
  });
});
