import { z } from 'zod';
import { isCountryCode } from '../countries';

/** The organisation roles ISO/IEC 42001 refers to (from ISO/IEC 22989). */
export const aiRoles = ['developer', 'provider', 'producer', 'user', 'partner', 'subject'] as const;
export const aiRoleSchema = z.enum(aiRoles, { message: 'Choose an AI role from the list.' });
export type AiRole = z.infer<typeof aiRoleSchema>;
export const aiRoleLabels: Record<AiRole, string> = {
  developer: 'AI developer',
  provider: 'AI provider',
  producer: 'AI producer',
  user: 'AI user',
  partner: 'AI partner',
  subject: 'AI subject',
};

export const clientStatuses = [
  'prospect',
  'applicant',
  'certified',
  'suspended',
  'withdrawn',
] as const;
export const clientStatusSchema = z.enum(clientStatuses, {
  message: 'Status is one of prospect, applicant, certified, suspended, withdrawn.',
});
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const clientReferencePattern = /^[A-Z0-9][A-Z0-9-]{1,30}$/;

const countrySchema = z
  .string({ message: 'Choose a country.' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { message: 'Use a two-letter ISO 3166 country code, e.g. GB or DE.' });

const count = (what: string) =>
  z
    .number({ message: `Enter the number of ${what}.` })
    .int({ message: `The number of ${what} is a whole number.` })
    .min(0, { message: `The number of ${what} cannot be negative.` })
    .max(10_000_000, { message: `The number of ${what} is too large.` });

export const contactSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, { message: 'Enter the contact’s name.' }).max(200),
  role: z.string().trim().max(200).default(''),
  email: z.email({ message: 'Enter a valid email address, e.g. name@example.org.' }),
  phone: z.string().trim().max(50).default(''),
  primary: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactSchema>;
export type Contact = z.output<typeof contactSchema> & { id: string };

export const siteSchema = z.object({
  id: z.string().optional(),
  name: z.string().trim().min(1, { message: 'Enter the site’s name.' }).max(200),
  address: z.string().trim().max(500).default(''),
  country: countrySchema,
  isCentral: z.boolean().default(false),
  fullTimePersonnel: count('full-time personnel'),
  partTimePersonnel: count('part-time personnel').default(0),
  partTimeAverageHours: z
    .number({ message: 'Enter the average weekly hours of part-time staff.' })
    .min(0, { message: 'Average hours cannot be negative.' })
    .max(80, { message: 'Average weekly hours cannot exceed 80.' })
    .default(0),
  aiPersonnel: count('persons doing AI-related work').default(0),
});
export type SiteInput = z.input<typeof siteSchema>;
export type Site = z.output<typeof siteSchema> & { id: string };

export const otherCertificationSchema = z.object({
  standard: z
    .string()
    .trim()
    .min(1, { message: 'Name the standard, e.g. ISO/IEC 27001.' })
    .max(100),
  certificateNumber: z.string().trim().max(100).default(''),
});

const contactsSchema = z
  .array(contactSchema)
  .min(1, { message: 'Add at least one contact.' })
  .refine((c) => c.some((x) => x.primary), { message: 'Mark one contact as the primary contact.' })
  .refine((c) => c.filter((x) => x.primary).length <= 1, {
    message: 'Only one contact can be the primary contact.',
  });

const sitesSchema = z
  .array(siteSchema)
  .min(1, { message: 'Add at least one site.' })
  .refine((s) => s.filter((x) => x.isCentral).length === 1, {
    message: 'Exactly one site must be the central function.',
  });

const clientFields = {
  reference: z.string().trim().toUpperCase().regex(clientReferencePattern, {
    message: 'A reference is 2 to 31 letters, digits or dashes, e.g. C-2026-0001.',
  }),
  legalName: z.string().trim().min(1, { message: 'Enter the legal name.' }).max(300),
  tradingName: z.string().trim().max(300),
  country: countrySchema,
  address: z.string().trim().max(500),
  status: clientStatusSchema,
  scope: z.string().trim().max(5000),
  aiRoles: z
    .array(aiRoleSchema)
    .refine((r) => new Set(r).size === r.length, { message: 'An AI role is listed twice.' }),
  aiSystemCount: count('AI systems in scope'),
  otherCertifications: z.array(otherCertificationSchema),
  notes: z.string().max(20_000),
  contacts: contactsSchema,
  sites: sitesSchema,
};

/** Input of `client add` / createClient. Only legalName, country, contacts and sites are required. */
export const clientInputSchema = z.object({
  ...clientFields,
  reference: clientFields.reference.optional(),
  tradingName: clientFields.tradingName.default(''),
  address: clientFields.address.default(''),
  status: clientFields.status.default('prospect'),
  scope: clientFields.scope.default(''),
  aiRoles: clientFields.aiRoles.default([]),
  aiSystemCount: clientFields.aiSystemCount.default(0),
  otherCertifications: clientFields.otherCertifications.default([]),
  notes: clientFields.notes.default(''),
});
export type ClientInput = z.input<typeof clientInputSchema>;
export type ClientValues = z.output<typeof clientInputSchema>;

/** A partial update: contacts and sites, when given, replace the whole list (matched by id). */
export const clientPatchSchema = z.object(clientFields).partial();
export type ClientPatch = z.input<typeof clientPatchSchema>;

export const clientUpdateSchema = z.object({ id: z.string().min(1), patch: clientPatchSchema });

export const clientSortFields = [
  'reference',
  'legalName',
  'country',
  'status',
  'updatedAt',
] as const;
export const clientListQuerySchema = z.object({
  search: z.string().max(200).optional(),
  status: clientStatusSchema.optional(),
  includeArchived: z.boolean().optional(),
  sort: z.enum(clientSortFields).default('legalName'),
  direction: z.enum(['asc', 'desc']).default('asc'),
});
export type ClientListQuery = z.input<typeof clientListQuerySchema>;

export interface ClientSummary {
  id: string;
  reference: string;
  legalName: string;
  tradingName: string;
  country: string;
  status: ClientStatus;
  siteCount: number;
  archivedAt: string | null;
  updatedAt: string;
}

export interface Client extends Omit<ClientValues, 'reference' | 'contacts' | 'sites'> {
  id: string;
  reference: string;
  contacts: Contact[];
  sites: Site[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
