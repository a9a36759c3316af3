/**
 * Argument validators for the IPC contract: small, dependency-free, usable in the main process and in
 * tests. A validator returns the value typed, or throws IpcArgumentError naming where it is wrong.
 * Objects are strict: unknown keys are refused, so a renderer cannot smuggle options through.
 */
export type Validator<T> = (value: unknown, at: string) => T;

/** A call's arguments were refused: the message names the argument. */
export class IpcArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcArgumentError';
  }
}

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : value instanceof Uint8Array ? 'bytes' : typeof value);
const fail = (at: string, expected: string, value: unknown): never => {
  throw new IpcArgumentError(`${at} must be ${expected}; got ${describe(value)}.`);
};

export const string =
  (options: { min?: number; max?: number; pattern?: RegExp } = {}): Validator<string> =>
  (value, at) => {
    if (typeof value !== 'string') return fail(at, 'a string', value);
    const { min = 0, max = 10_000, pattern } = options;
    if (value.length < min || value.length > max) throw new IpcArgumentError(`${at} must be ${min}–${max} characters long; got ${value.length}.`);
    if (pattern && !pattern.test(value)) throw new IpcArgumentError(`${at} is not in the expected form.`);
    return value;
  };

export const integer =
  (min: number, max: number): Validator<number> =>
  (value, at) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return fail(at, 'an integer', value);
    if (value < min || value > max) throw new IpcArgumentError(`${at} must be ${min}–${max}; got ${value}.`);
    return value;
  };

export const boolean: Validator<boolean> = (value, at) => (typeof value === 'boolean' ? value : fail(at, 'true or false', value));

export const bytes =
  (maxBytes: number): Validator<Uint8Array> =>
  (value, at) => {
    if (!(value instanceof Uint8Array)) return fail(at, 'bytes (a Uint8Array)', value);
    if (value.byteLength > maxBytes) throw new IpcArgumentError(`${at} must be at most ${maxBytes} bytes; got ${value.byteLength}.`);
    return value;
  };

export const oneOf =
  <const T extends readonly string[]>(...values: T): Validator<T[number]> =>
  (value, at) =>
    typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T[number]) : fail(at, `one of ${values.join(', ')}`, value);

export const nullable =
  <T>(inner: Validator<T>): Validator<T | null> =>
  (value, at) =>
    value === null ? null : inner(value, at);

export const array =
  <T>(inner: Validator<T>, max: number): Validator<T[]> =>
  (value, at) => {
    if (!Array.isArray(value)) return fail(at, 'an array', value);
    if (value.length > max) throw new IpcArgumentError(`${at} must hold at most ${max} items; got ${value.length}.`);
    return value.map((v, i) => inner(v, `${at}[${i}]`));
  };

type Shape = Record<string, Validator<unknown>>;
type Optional<S extends Shape> = { [K in keyof S]: undefined extends ReturnType<S[K]> ? K : never }[keyof S];
export type ObjectOf<S extends Shape> = { [K in Exclude<keyof S, Optional<S>>]: ReturnType<S[K]> } & { [K in Optional<S>]?: ReturnType<S[K]> };

/** A value that may be left out (undefined). */
export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (value, at) =>
    value === undefined ? undefined : inner(value, at);

/** A plain object with exactly these keys (optional ones may be missing). */
export const object =
  <S extends Shape>(shape: S): Validator<ObjectOf<S>> =>
  (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return fail(at, 'an object', value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return fail(at, 'a plain object', value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!(key in shape)) throw new IpcArgumentError(`${at} has an unknown field "${key}".`);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const v = check(record[key], `${at}.${key}`);
      if (v !== undefined) out[key] = v;
    }
    return out as ObjectOf<S>;
  };

/** A JSON object (what JSON.stringify keeps of it), at most `maxBytes` once written as JSON. */
export const jsonObject =
  (maxBytes: number): Validator<Record<string, unknown>> =>
  (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return fail(at, 'a JSON object', value);
    const text = JSON.stringify(value);
    if (text.length > maxBytes) throw new IpcArgumentError(`${at} must be at most ${maxBytes} bytes as JSON; got ${text.length}.`);
    return JSON.parse(text) as Record<string, unknown>;
  };
