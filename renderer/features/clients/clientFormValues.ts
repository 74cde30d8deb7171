import type { AiRole, Client, ClientInput, ClientStatus } from '../../../shared/clients/schema';
import { numberOrUndefined } from '../../forms';

/** NumberInput gives '' while empty; everything else is as the contract names it. */
type Num = number | '';

export interface SiteFormValues {
  id?: string | undefined;
  name: string;
  address: string;
  country: string;
  isCentral: boolean;
  fullTimePersonnel: Num;
  partTimePersonnel: Num;
  partTimeAverageHours: Num;
  aiPersonnel: Num;
}

export interface ContactFormValues {
  id?: string | undefined;
  name: string;
  role: string;
  email: string;
  phone: string;
  primary: boolean;
}

export interface ClientFormValues {
  reference: string;
  legalName: string;
  tradingName: string;
  country: string;
  address: string;
  status: ClientStatus;
  scope: string;
  aiRoles: AiRole[];
  aiSystemCount: Num;
  otherCertifications: { standard: string; certificateNumber: string }[];
  notes: string;
  contacts: ContactFormValues[];
  sites: SiteFormValues[];
}

export function emptySite(country: string, isCentral: boolean): SiteFormValues {
  return {
    name: isCentral ? 'Head office' : '',
    address: '',
    country,
    isCentral,
    fullTimePersonnel: '',
    partTimePersonnel: 0,
    partTimeAverageHours: 0,
    aiPersonnel: 0,
  };
}

export function emptyContact(primary: boolean): ContactFormValues {
  return { name: '', role: '', email: '', phone: '', primary };
}

export function newClientValues(): ClientFormValues {
  return {
    reference: '',
    legalName: '',
    tradingName: '',
    country: '',
    address: '',
    status: 'applicant',
    scope: '',
    aiRoles: [],
    aiSystemCount: 0,
    otherCertifications: [],
    notes: '',
    contacts: [emptyContact(true)],
    sites: [emptySite('', true)],
  };
}

export function clientToValues(client: Client): ClientFormValues {
  return {
    reference: client.reference,
    legalName: client.legalName,
    tradingName: client.tradingName,
    country: client.country,
    address: client.address,
    status: client.status,
    scope: client.scope,
    aiRoles: client.aiRoles,
    aiSystemCount: client.aiSystemCount,
    otherCertifications: client.otherCertifications,
    notes: client.notes,
    contacts: client.contacts.map((c) => ({ ...c })),
    sites: client.sites.map((s) => ({ ...s })),
  };
}

/** Form values → the contract's client input (blank reference = generate one). */
export function valuesToInput(values: ClientFormValues): ClientInput {
  return {
    ...values,
    reference: values.reference.trim() === '' ? undefined : values.reference,
    aiSystemCount: numberOrUndefined(values.aiSystemCount) as number,
    contacts: values.contacts.map((c) => ({ ...c, id: c.id })),
    sites: values.sites.map((s) => ({
      ...s,
      fullTimePersonnel: numberOrUndefined(s.fullTimePersonnel) as number,
      partTimePersonnel: numberOrUndefined(s.partTimePersonnel),
      partTimeAverageHours: numberOrUndefined(s.partTimeAverageHours),
      aiPersonnel: numberOrUndefined(s.aiPersonnel),
    })),
  };
}
