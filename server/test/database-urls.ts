/** The Postgres server the tests use: TEST_DATABASE_URL, default the local trust-auth server. */
const BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEMPLATE_DATABASE = 'dp_test_template';

/** URL of the maintenance database (to create and drop test databases). */
export const adminUrl = () => BASE;

/** URL of database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  return url.toString();
}
