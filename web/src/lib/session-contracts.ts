// The contracts of the first chunk's own calls that are read with zod: `GET /me` and the login's
// answer. A chunk of their own (with zod), loaded by `loadSessionContracts` in auth.ts once there is
// a user to read, so the login page loads no zod (docs/decisions/070-a-light-spa.md).
export { LoginResponseSchema, MeSchema } from '@duidingspool/shared';
