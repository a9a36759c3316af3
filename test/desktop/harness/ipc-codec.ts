/**
 * What Electron's IPC does with values (structured clone), in a form that crosses Playwright's bindings,
 * which carry JSON: bytes become {$bytes: base64}. Used on both sides of the harness's bridge.
 */
export function encodeIpc(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeIpc);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeIpc(v)]));
  return value;
}

export function decodeIpc(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeIpc);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$bytes === 'string' && Object.keys(record).length === 1) return fromBase64(record.$bytes);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeIpc(v)]));
  }
  return value;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
