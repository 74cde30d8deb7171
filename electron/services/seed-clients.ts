import type {
  AiRole,
  ClientInput,
  ClientStatus,
  ContactInput,
  SiteInput,
} from '../../shared/clients/schema';
import {
  contactRoles,
  countryProfiles,
  firstNames,
  generatedNameParts,
  lastNames,
  secondarySiteNames,
  streets,
  type CountryProfile,
} from './seed-data';
import { shuffled, type Random } from './seed-random';

/** What a seeded client looks like: plausible values drawn from the word lists. */

const countryCodes = Object.keys(countryProfiles);

function profile(country: string): CountryProfile {
  const found = countryProfiles[country];
  if (!found) throw new Error(`No seed profile for country ${country}`);
  return found;
}

/** Lower-case ASCII, for e-mail addresses and domains (Tomás → tomas). */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const roleMixes: readonly AiRole[][] = [
  ['developer', 'provider'],
  ['provider'],
  ['developer'],
  ['provider', 'user'],
  ['user'],
  ['developer', 'producer', 'provider'],
  ['partner', 'provider'],
];

const statusNotes: Record<ClientStatus, string> = {
  prospect: 'Enquiry received; waiting for the completed application form.',
  applicant: 'Application reviewed; Stage 1 audit to be planned.',
  certified: '',
  suspended: 'Certification suspended: a major nonconformity was not closed in time.',
  withdrawn: 'Certificate withdrawn at the client’s request.',
};

function address(random: Random, city: string): string {
  return `${random.int(1, 240)} ${random.pick(streets)}, ${city}`;
}

function partTime(random: Random, most: number) {
  const partTimePersonnel = random.int(0, most);
  return { partTimePersonnel, partTimeAverageHours: partTimePersonnel > 0 ? random.int(8, 30) : 0 };
}

function contacts(random: Random, domain: string, country: string): ContactInput[] {
  const roles = shuffled(random, contactRoles);
  const count = random.int(1, 3);
  const out: ContactInput[] = [];
  for (let i = 0; i < count; i++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    out.push({
      name: `${first} ${last}`,
      role: roles[i] ?? '',
      email: `${ascii(first)}.${ascii(last)}@${domain}`,
      phone: `${profile(country).dialCode} 555 0${random.int(100, 999)}`,
      primary: i === 0,
    });
  }
  return out;
}

function sites(random: Random, country: string, city: string): SiteInput[] {
  const fullTime = random.int(15, 400);
  const out: SiteInput[] = [
    {
      name: 'Head office',
      address: address(random, city),
      country,
      isCentral: true,
      fullTimePersonnel: fullTime,
      ...partTime(random, 20),
      aiPersonnel: Math.max(1, Math.round(fullTime * (0.1 + random.next() * 0.5))),
    },
  ];
  const names = shuffled(random, secondarySiteNames);
  const extra = random.int(0, 3);
  for (let i = 0; i < extra; i++) {
    const siteCountry = random.chance(0.7) ? country : random.pick(countryCodes);
    const siteFullTime = random.int(3, 150);
    out.push({
      name: names[i] ?? `Site ${i + 2}`,
      address: address(random, random.pick(profile(siteCountry).cities)),
      country: siteCountry,
      fullTimePersonnel: siteFullTime,
      ...partTime(random, 8),
      aiPersonnel: Math.round(siteFullTime * random.next() * 0.6),
    });
  }
  return out;
}

function certifications(random: Random): { standard: string; certificateNumber: string }[] {
  const out: { standard: string; certificateNumber: string }[] = [];
  if (random.chance(0.45)) {
    out.push({ standard: 'ISO/IEC 27001', certificateNumber: `IS ${random.int(500000, 799999)}` });
    if (random.chance(0.3)) {
      out.push({
        standard: 'ISO/IEC 27701',
        certificateNumber: `PIMS ${random.int(100000, 199999)}`,
      });
    }
  }
  if (random.chance(0.2)) {
    out.push({ standard: 'ISO 9001', certificateNumber: `FS ${random.int(600000, 699999)}` });
  }
  return out;
}

function client(
  random: Random,
  tradingName: string,
  country: string,
  product: string,
  status: ClientStatus,
  reference: string,
): ClientInput {
  const city = random.pick(profile(country).cities);
  const domain = `${ascii(tradingName)}.example`;
  const clientSites = sites(random, country, city);
  return {
    reference,
    legalName: `${tradingName} ${profile(country).legalForm}`,
    tradingName,
    country,
    address: clientSites[0]?.address ?? '',
    status,
    scope:
      `Design, development, provision and monitoring of ${product}, including data ` +
      'acquisition, model training, validation, deployment and post-market monitoring.',
    aiRoles: [...random.pick(roleMixes)],
    aiSystemCount: random.int(1, 25),
    otherCertifications: certifications(random),
    notes: statusNotes[status],
    contacts: contacts(random, domain, country),
    sites: clientSites,
  };
}

/** One of the fixed demo companies. */
export function demoClient(
  random: Random,
  company: readonly [string, string, string],
  status: ClientStatus,
  reference: string,
): ClientInput {
  const [tradingName, country, product] = company;
  return client(random, tradingName, country, product, status, reference);
}

const generatedStatuses: readonly ClientStatus[] = [
  'prospect',
  'applicant',
  'applicant',
  'certified',
  'certified',
  'certified',
  'certified',
  'certified',
  'suspended',
  'withdrawn',
];

/** A made-up client for volume tests (`seed --clients N`). */
export function generatedClient(random: Random, reference: string): ClientInput {
  const { first, second, sector, product } = generatedNameParts;
  const tradingName = `${random.pick(first)} ${random.pick(second)} ${random.pick(sector)}`;
  const country = random.pick(countryCodes);
  return client(
    random,
    tradingName,
    country,
    random.pick(product),
    random.pick(generatedStatuses),
    reference,
  );
}
