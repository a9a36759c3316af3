import * as random from 'lib0/random';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random id of lowercase letters and digits, from the platform's cryptographic generator. */
export function randomId(length = 16): string {
  let id = '';
  while (id.length < length) id += ALPHABET[random.uint32() % ALPHABET.length];
  return id;
}
