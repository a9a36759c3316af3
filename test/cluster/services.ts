/**
 * Real PostgreSQL and Redis for the cluster tests (testing/local-services.ts, shared with the
 * cluster benchmark). Under CI=true a missing binary fails the tests; elsewhere they are skipped with
 * the reason printed.
 */
import { services } from '../../testing/local-services';

export { freePort, services, TestPostgres, TestRedis } from '../../testing/local-services';

/** True when the suite must be skipped: binaries missing and not under CI (where it must fail instead). */
export const skipCluster = !services.available && process.env.CI !== 'true';
if (skipCluster) console.warn(`[test/cluster] skipped: ${services.reason}`);
