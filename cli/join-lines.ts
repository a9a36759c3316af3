/**
 * How an invitation is handed over, as lines to print: the app's penholder:// link and, when the server's
 * address is known, the web edition's join page; when it is not, where to find it.
 */
export function joinLines(link: string, token: string, server: string | null): string[] {
  if (!server) return [`  ${link}`, `  token: ${token}`, '  (no server address given: once `penholder serve` runs, open http://HOST:PORT/join?token=… in a browser, or add --server ws://HOST:PORT to put it in the link)'];
  const web = `${server.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '')}/join?token=${encodeURIComponent(token)}`;
  return [`  ${link}`, `  in a browser: ${web}`, `  token: ${token}`];
}
