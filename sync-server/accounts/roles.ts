import type { z } from 'zod';
import { syncRoleSchema } from '../../common/contract/sync-wire.js';

export const roleSchema = syncRoleSchema;
export const roles = roleSchema.options;
export type Role = z.infer<typeof roleSchema>;
