import { createHash } from 'node:crypto';

/** The Postgres server the tests use: TEST_DATABASE_URL, default the local trust-auth server. */
const BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The template database of this checkout: separate checkouts on one server never share it. */
export const TEMPLATE_DATABASE = `dp_test_template_${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`;

/** URL of the maintenance database (to create and drop test databases). */
export const adminUrl = () => BASE;

/** URL of database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  return url.toString();
}
