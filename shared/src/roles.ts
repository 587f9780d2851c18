import { z } from 'zod';

/** The roles of docs/design.md §2. One person may hold several. */
export const ROLES = ['requester', 'coordinator', 'specialist', 'finance', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
