/**
 * Chromium's local network access checks, switched off in the app: its page is the app's own
 * (app://penholder), and its whole purpose is to reach sync servers on the meeting room's network
 * (192.168.x.x, 10.x.x.x) or on this computer, which the checks would block from a non-network page.
 * main/electron/main.ts passes it to Electron; the test harness to Chromium.
 */
export const LOCAL_NETWORK_CHECKS = 'LocalNetworkAccessChecks';
