/**
 * Percent-decodes a request path, or returns null when it is malformed (`%E0%A4%A`): a request from anyone
 * must never throw out of a handler.
 */
export function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
