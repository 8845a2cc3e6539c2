/**
 * Parsers for environment variables. Each takes the raw string and returns the typed
 * value or throws an Error whose message says what was expected (the variable's name
 * is added by `readConfig`).
 */
export type EnvParser<T> = (raw: string) => T;

export function envInt(min: number, max: number): EnvParser<number> {
  return (raw) => {
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected an integer between ${min} and ${max}`);
    const value = Number(raw);
    if (value < min || value > max) throw new Error(`expected an integer between ${min} and ${max}`);
    return value;
  };
}

export function envNumber(min: number, max: number): EnvParser<number> {
  return (raw) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new Error(`expected a number between ${min} and ${max}`);
    }
    return value;
  };
}

export const envPort: EnvParser<number> = envInt(0, 65535);

export const envUrl: EnvParser<string> = (raw) => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('expected an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('expected an absolute http(s) URL');
  return raw.replace(/\/+$/, '');
};

export const envBool: EnvParser<boolean> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new Error('expected true or false');
};

export function envString(minLength = 1): EnvParser<string> {
  return (raw) => {
    if (raw.length < minLength) throw new Error(`expected at least ${minLength} characters`);
    return raw;
  };
}

export function envEnum<const T extends string>(...values: T[]): EnvParser<T> {
  return (raw) => {
    if (!(values as string[]).includes(raw)) throw new Error(`expected one of ${values.join(', ')}`);
    return raw as T;
  };
}
