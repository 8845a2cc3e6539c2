import { parseBenchArgs } from '../src/bench/benchOptions';
import { extendWindow } from '../src/bench/extendWindow';
import { settingsRunOrder } from '../src/bench/settingsRunOrder';

/** The bench's saturation window (extendWindow.ts): long enough to count enough answers, never past its cap. */
describe('extendWindow', () => {
  const rule = { seconds: 5, minAnswers: 120, maxSeconds: 25 };

  it('closes at the nominal length when enough answers were counted', () => {
    expect(extendWindow(rule, 5, 120)).toBeNull();
    expect(extendWindow(rule, 5, 400)).toBeNull();
  });

  it('grows to the length that would count them at the rate seen, in whole seconds', () => {
    // 45 answers in 5 s: 9 per second, 120 answers in 13.3 s.
    expect(extendWindow(rule, 5, 45)).toBe(14);
    // Then again if the rate fell meanwhile.
    expect(extendWindow(rule, 14, 110)).toBe(16);
  });

  it('grows by at least one second, and never past its cap', () => {
    expect(extendWindow(rule, 5, 119)).toBe(6);
    expect(extendWindow(rule, 5, 10)).toBe(25);
    expect(extendWindow(rule, 5, 0)).toBe(25);
    expect(extendWindow(rule, 25, 10)).toBeNull();
  });

  it('never grows without a minimum', () => {
    expect(extendWindow({ ...rule, minAnswers: 0 }, 5, 0)).toBeNull();
  });
});

describe('npm run bench arguments for the window', () => {
  it('default to 120 answers within 25 s, and none for the smoke run', () => {
    expect(parseBenchArgs([])).toMatchObject({ saturationSeconds: 5, minAnswers: 120, maxWindowSeconds: 25 });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ minAnswers: 0 });
  });

  it('take a longer nominal window as the cap unless a cap is given, and refuse a cap below it', () => {
    expect(parseBenchArgs(['--saturation-seconds', '40'])).toMatchObject({ maxWindowSeconds: 40 });
    expect(parseBenchArgs(['--min-answers', '0', '--max-window-seconds', '60'])).toMatchObject({ minAnswers: 0, maxWindowSeconds: 60 });
    expect(() => parseBenchArgs(['--saturation-seconds', '30', '--max-window-seconds', '10'])).toThrow('--max-window-seconds (10) is shorter than --saturation-seconds (30)');
    expect(() => parseBenchArgs(['--min-answers', '-1'])).toThrow('--min-answers: expected a whole number');
    expect(() => parseBenchArgs(['--min-answers', '1.5'])).toThrow('--min-answers: expected a whole number');
  });
});

describe('npm run bench arguments for the cold rows’ warm-up', () => {
  it('default to 40 s before each cold row at saturation, none for the smoke run', () => {
    expect(parseBenchArgs([])).toMatchObject({ rowWarmupSeconds: 40 });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ rowWarmupSeconds: 0 });
    expect(parseBenchArgs(['--row-warmup-seconds', '0'])).toMatchObject({ rowWarmupSeconds: 0 });
  });

  it('refuse a negative, non-numeric or over-long warm-up, naming the option', () => {
    for (const bad of ['-1', 'soon', '301']) expect(() => parseBenchArgs(['--row-warmup-seconds', bad])).toThrow(`--row-warmup-seconds: expected a number in [0, 300]; got ${bad}`);
    expect(() => parseBenchArgs(['--row-warmup-seconds'])).toThrow('--row-warmup-seconds: expected a number in [0, 300]; got nothing');
    // The per-round warm-up, read by the same rule.
    expect(parseBenchArgs(['--warmup-seconds', '0'])).toMatchObject({ warmupSeconds: 0 });
    expect(() => parseBenchArgs(['--warmup-seconds', '61'])).toThrow('--warmup-seconds: expected a number in [0, 60]; got 61');
  });
});

describe('npm run bench: warm processes before the one-client rows', () => {
  it('runs saturation first, in whatever order the settings were given', () => {
    expect(settingsRunOrder(['latency', 'saturation'])).toEqual(['saturation', 'latency']);
    expect(settingsRunOrder(['saturation', 'latency'])).toEqual(['saturation', 'latency']);
    expect(settingsRunOrder(['latency'])).toEqual(['latency']);
    expect(settingsRunOrder(['saturation'])).toEqual(['saturation']);
  });

  it('warms up 3 s per scenario, variant and gateway at the saturation clients, 0.2 s in the smoke run', () => {
    expect(parseBenchArgs([])).toMatchObject({ startWarmupSeconds: 3, saturationClients: 50, latencySeconds: 8 });
    expect(parseBenchArgs(['--quick'])).toMatchObject({ startWarmupSeconds: 0.2 });
    expect(parseBenchArgs(['--start-warmup-seconds', '0'])).toMatchObject({ startWarmupSeconds: 0 });
    for (const bad of ['-1', 'later', '61']) expect(() => parseBenchArgs(['--start-warmup-seconds', bad])).toThrow(`--start-warmup-seconds: expected a number in [0, 60]; got ${bad}`);
  });
});
