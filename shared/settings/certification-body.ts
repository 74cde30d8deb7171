import { z } from 'zod';

/** The certification body's own details, printed on what it sends its clients (audit plans…). */
export const certificationBodySchema = z.object({
  name: z
    .string({ message: 'Enter the certification body’s name.' })
    .trim()
    .min(1, { message: 'Enter the certification body’s name.' })
    .max(200, { message: 'The name is at most 200 characters.' }),
});
export type CertificationBody = z.infer<typeof certificationBodySchema>;
