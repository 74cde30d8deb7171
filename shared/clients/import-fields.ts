/**
 * The client fields a CSV or XLSX column can be mapped to, with the header names that suggest
 * each one. One row of a file is one client with one (primary) contact and one site, its central
 * function: that shape, and the synonyms, are Audit Desk rules, not anything a standard asks.
 */

export const clientImportFields = [
  'reference',
  'legalName',
  'tradingName',
  'country',
  'address',
  'status',
  'scope',
  'aiRoles',
  'aiSystemCount',
  'notes',
  'contactName',
  'contactRole',
  'contactEmail',
  'contactPhone',
  'siteName',
  'siteAddress',
  'siteCountry',
  'fullTimePersonnel',
  'partTimePersonnel',
  'partTimeAverageHours',
  'aiPersonnel',
] as const;
export type ClientImportField = (typeof clientImportFields)[number];

export type ClientImportGroup = 'client' | 'contact' | 'site';
export const clientImportGroupLabels: Record<ClientImportGroup, string> = {
  client: 'Client',
  contact: 'Primary contact',
  site: 'Central site',
};

export interface ClientImportFieldInfo {
  label: string;
  group: ClientImportGroup;
  /** A client cannot be created without it (the client schema needs it, with no default). */
  required: boolean;
  /** Header names that suggest this field, compared after normalizeHeader(). */
  synonyms: readonly string[];
  /** What happens when the column is not mapped or the cell is empty. */
  whenEmpty?: string;
}

export const clientImportFieldInfo: Record<ClientImportField, ClientImportFieldInfo> = {
  reference: {
    label: 'Reference',
    group: 'client',
    required: false,
    synonyms: [
      'ref',
      'client reference',
      'client ref',
      'client id',
      'client number',
      'client no',
      'client code',
      'customer number',
      'customer reference',
      'account number',
    ],
    whenEmpty: 'generated (C-year-number)',
  },
  legalName: {
    label: 'Legal name',
    group: 'client',
    required: true,
    synonyms: [
      'name',
      'company',
      'company name',
      'organisation',
      'organization',
      'organisation name',
      'organization name',
      'client',
      'client name',
      'customer',
      'customer name',
      'legal entity',
      'registered name',
    ],
  },
  tradingName: {
    label: 'Trading name',
    group: 'client',
    required: false,
    synonyms: ['trade name', 'trading as', 'brand', 'brand name', 'dba', 'doing business as'],
  },
  country: {
    label: 'Country',
    group: 'client',
    required: true,
    synonyms: ['country code', 'client country', 'nation', 'iso country'],
  },
  address: {
    label: 'Address',
    group: 'client',
    required: false,
    synonyms: ['registered address', 'postal address', 'company address', 'street address'],
  },
  status: {
    label: 'Status',
    group: 'client',
    required: false,
    synonyms: ['client status', 'certification status'],
    whenEmpty: 'prospect',
  },
  scope: {
    label: 'Scope',
    group: 'client',
    required: false,
    synonyms: [
      'proposed scope',
      'scope of certification',
      'proposed scope of certification',
      'certification scope',
      'aims scope',
    ],
  },
  aiRoles: {
    label: 'AI roles',
    group: 'client',
    required: false,
    synonyms: ['ai role', 'organisation ai roles', 'organization ai roles', 'roles in ai'],
  },
  aiSystemCount: {
    label: 'AI systems in scope',
    group: 'client',
    required: false,
    synonyms: ['ai systems', 'number of ai systems', 'ai system count', 'no of ai systems'],
    whenEmpty: '0',
  },
  notes: {
    label: 'Notes',
    group: 'client',
    required: false,
    synonyms: ['note', 'comments', 'comment', 'remarks'],
  },
  contactName: {
    label: 'Contact name',
    group: 'contact',
    required: true,
    synonyms: [
      'contact',
      'contact person',
      'primary contact',
      'main contact',
      'primary contact name',
      'representative',
    ],
  },
  contactRole: {
    label: 'Contact role',
    group: 'contact',
    required: false,
    synonyms: ['contact title', 'contact position', 'job title', 'position', 'title', 'role'],
  },
  contactEmail: {
    label: 'Contact email',
    group: 'contact',
    required: true,
    synonyms: [
      'email',
      'e-mail',
      'email address',
      'e-mail address',
      'mail',
      'contact e-mail',
      'primary contact email',
    ],
  },
  contactPhone: {
    label: 'Contact phone',
    group: 'contact',
    required: false,
    synonyms: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'contact telephone'],
  },
  siteName: {
    label: 'Central site name',
    group: 'site',
    required: false,
    synonyms: ['site', 'site name', 'central site', 'head office', 'location', 'office'],
    whenEmpty: 'Head office',
  },
  siteAddress: {
    label: 'Central site address',
    group: 'site',
    required: false,
    synonyms: ['site address', 'office address', 'location address'],
    whenEmpty: 'the client’s address',
  },
  siteCountry: {
    label: 'Central site country',
    group: 'site',
    required: false,
    synonyms: ['site country', 'office country', 'location country'],
    whenEmpty: 'the client’s country',
  },
  fullTimePersonnel: {
    label: 'Full-time personnel',
    group: 'site',
    required: true,
    synonyms: [
      'employees',
      'headcount',
      'head count',
      'staff',
      'personnel',
      'number of employees',
      'no of employees',
      'employee count',
      'full-time employees',
      'full-time staff',
      'fte',
      'workforce',
      'full-time personnel central site',
    ],
  },
  partTimePersonnel: {
    label: 'Part-time personnel',
    group: 'site',
    required: false,
    synonyms: ['part-time employees', 'part-time staff', 'part-time personnel central site'],
    whenEmpty: '0',
  },
  partTimeAverageHours: {
    label: 'Part-time average weekly hours',
    group: 'site',
    required: false,
    synonyms: [
      'part-time hours',
      'average part-time hours',
      'part-time weekly hours',
      'part-time average weekly hours central site',
    ],
    whenEmpty: '0',
  },
  aiPersonnel: {
    label: 'AI personnel',
    group: 'site',
    required: false,
    synonyms: [
      'ai staff',
      'ai employees',
      'ai headcount',
      'persons doing ai work',
      'persons doing ai-related work',
      'ai personnel central site',
    ],
    whenEmpty: '0',
  },
};

export const requiredImportFields = clientImportFields.filter(
  (f) => clientImportFieldInfo[f].required,
);

/**
 * A header as compared: accents dropped, lower case, `&` read as "and", and everything but letters
 * and digits removed, so "E-Mail", "e mail" and "EMAIL" are the same header.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

/** Normalised header → field: the field's key, its label and its synonyms. */
const headerIndex: ReadonlyMap<string, ClientImportField> = (() => {
  const index = new Map<string, ClientImportField>();
  for (const field of clientImportFields) {
    const info = clientImportFieldInfo[field];
    for (const name of [field, info.label, ...info.synonyms]) {
      const key = normalizeHeader(name);
      if (!index.has(key)) index.set(key, field);
    }
  }
  return index;
})();

/** The field a header suggests, or null when it names none. */
export function fieldForHeader(header: string): ClientImportField | null {
  return headerIndex.get(normalizeHeader(header)) ?? null;
}
