import { z } from 'zod';

export const roles = [
  'admin',
  'scheduler',
  'auditor',
  'lead_auditor',
  'technical_expert',
  'decision_maker',
] as const;
export const roleSchema = z.enum(roles, { message: 'Choose a role from the list.' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  scheduler: 'Scheduler',
  auditor: 'Auditor',
  lead_auditor: 'Lead auditor',
  technical_expert: 'Technical expert',
  decision_maker: 'Certification decision maker',
};

const pinSchema = z
  .string()
  .regex(/^\d{4,12}$/, { message: 'A PIN is 4 to 12 digits.' })
  .optional();

export const personInputSchema = z.object({
  name: z.string().trim().min(1, { message: 'Enter the person’s name.' }).max(200),
  email: z.email({ message: 'Enter a valid email address, e.g. name@example.org.' }),
  roles: z
    .array(roleSchema)
    .min(1, { message: 'Give the person at least one role.' })
    .refine((r) => new Set(r).size === r.length, { message: 'A role is listed twice.' }),
  pin: pinSchema,
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const firstPersonInputSchema = personInputSchema.refine((p) => p.roles.includes('admin'), {
  message: 'The first person must be an administrator, so that someone can add the others.',
  path: ['roles'],
});

export const personUpdateSchema = z.object({
  id: z.string().min(1),
  name: personInputSchema.shape.name.optional(),
  email: personInputSchema.shape.email.optional(),
  roles: personInputSchema.shape.roles.optional(),
  active: z.boolean().optional(),
  /** A new PIN; `null` removes the PIN. */
  pin: z
    .string()
    .regex(/^\d{4,12}$/, { message: 'A PIN is 4 to 12 digits.' })
    .nullable()
    .optional(),
});
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

export const signInSchema = z.object({
  personId: z.string().min(1, { message: 'Choose who is working.' }),
  pin: z.string().optional(),
});

export interface Person {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  hasPin: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export function hasAnyRole(person: Pick<Person, 'roles'>, wanted: readonly Role[]): boolean {
  return person.roles.some((r) => wanted.includes(r));
}
