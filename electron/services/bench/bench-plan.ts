import { addCalendarDays, expiryFor } from '../../../shared/cycle';
import type { ClientStatus } from '../../../shared/clients/schema';
import type { AuditState, AuditType } from '../../../shared/programme/vocabulary';
import type { Random } from '../seed-random';
import type { BenchScale } from './scale';

/**
 * The benchmark's certification body as plain values, before any row is written: people, clients
 * with their sites, certification cycles and audits dated around `today` the way the programme
 * rules expect them (Stage 1 and Stage 2 before the decision, surveillance about yearly,
 * recertification before expiry), and each audit's team. Everything comes from one seeded random
 * source, so the same scale gives the same plan on every machine.
 */

export const benchToday = '2026-05-01';

export interface PlanPerson {
  n: number;
  name: string;
  email: string;
  roles: string[];
}

export interface PlanSite {
  n: number;
  name: string;
  country: string;
  isCentral: boolean;
  fullTime: number;
  partTime: number;
  aiPersonnel: number;
}

export interface PlanCycle {
  n: number;
  cycleNumber: number;
  decisionDate: string;
  previousExpiryDate: string | null;
  previousAuditDate: string | null;
  recertificationDecisionDate: string | null;
}

export interface PlanAudit {
  n: number;
  client: PlanClient;
  type: AuditType;
  cycleNumber: number;
  state: AuditState;
  start: string;
  end: string;
  completedOn: string | null;
  /** Person numbers: lead auditor first. */
  team: { person: number; role: 'lead_auditor' | 'auditor' | 'technical_expert' }[];
  showcase: boolean;
}

export interface PlanClient {
  n: number;
  index: number;
  reference: string;
  legalName: string;
  tradingName: string;
  country: string;
  status: ClientStatus;
  createdDay: string;
  archived: boolean;
  aiRoles: string[];
  sites: PlanSite[];
  cycles: PlanCycle[];
  audits: PlanAudit[];
}

export interface BenchPlan {
  people: PlanPerson[];
  /** The scheduler the reads run as (an administrator too). */
  scheduler: PlanPerson;
  clients: PlanClient[];
  audits: PlanAudit[];
  showcase: PlanAudit;
}

const prefixes = [
  'Northwind',
  'Bluefield',
  'Crescent',
  'Ardent',
  'Helix',
  'Meridian',
  'Solace',
  'Vantage',
  'Kestrel',
  'Lumen',
  'Orchid',
  'Quarry',
  'Riverton',
  'Saffron',
  'Tamarind',
  'Umber',
  'Verdant',
  'Willow',
  'Zephyr',
  'Alder',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbour',
  'Iris',
  'Juniper',
  'Keystone',
  'Larch',
  'Marlow',
  'Nimbus',
  'Oakridge',
  'Pioneer',
  'Quill',
  'Rowan',
  'Summit',
  'Thistle',
  'Upland',
];
const cores = [
  'Analytics',
  'Robotics',
  'Health AI',
  'Insurance',
  'Logistics',
  'Fintech',
  'Vision Systems',
  'Language Labs',
  'Diagnostics',
  'Energy',
  'Mobility',
  'Retail Intelligence',
  'Security',
  'Data Services',
  'Learning',
  'Agritech',
  'Biometrics',
  'Recruiting',
  'Credit Scoring',
  'Media',
  'Telematics',
  'Pharma',
  'Legal Tech',
  'Maps',
  'Voice',
];
const forms = ['GmbH', 'Ltd', 'S.A.', 'B.V.', 'AB', 'Inc.', 'S.r.l.', 'Oy', 'A/S', 'SAS', 'plc'];
const countries = [
  'DE',
  'GB',
  'FR',
  'NL',
  'SE',
  'US',
  'IT',
  'FI',
  'DK',
  'ES',
  'IE',
  'AT',
  'BE',
  'CH',
  'PL',
  'PT',
  'NO',
  'CZ',
  'CA',
  'JP',
];
const firstNames = [
  'Anna',
  'Ben',
  'Chiara',
  'Dmitri',
  'Elif',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomoko',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoltan',
];
const lastNames = [
  'Adeyemi',
  'Bauer',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Ueda',
  'Van Dijk',
  'Weber',
  'Yilmaz',
  'Zhang',
];
const aiRoleChoices = ['developer', 'provider', 'producer', 'user', 'partner', 'subject'];

const day = (offset: number) => addCalendarDays(benchToday, offset);

function stateOf(start: string, end: string, random: Random): AuditState {
  if (end < benchToday) return 'completed';
  if (start <= benchToday) return 'in_progress';
  if (random.chance(0.03)) return 'cancelled';
  return start <= day(30) ? 'confirmed' : 'planned';
}

/** Audits are planned up to five months ahead; nothing later is in the records yet. */
const horizon = day(150);

interface Counters {
  take: () => number;
}

function addAudit(
  client: PlanClient,
  ids: Counters,
  random: Random,
  type: AuditType,
  cycleNumber: number,
  start: string,
  days: number,
): void {
  if (start > horizon) return;
  const end = addCalendarDays(start, days - 1);
  const state = stateOf(start, end, random);
  client.audits.push({
    n: ids.take(),
    client,
    type,
    cycleNumber,
    state,
    start,
    end,
    completedOn: state === 'completed' ? end : null,
    team: [],
    showcase: false,
  });
}

/** Stage 1, Stage 2 and the decision; then surveillance at about 11 and 23 months, recertification at 33. */
function certifiedHistory(
  client: PlanClient,
  ids: Counters,
  random: Random,
  cycleNumber: number,
  decision: string,
  initial: boolean,
  skipSurveillance: boolean,
): void {
  if (initial) {
    addAudit(client, ids, random, 'stage1', cycleNumber, addCalendarDays(decision, -80), 2);
    addAudit(client, ids, random, 'stage2', cycleNumber, addCalendarDays(decision, -35), 3);
  }
  if (!skipSurveillance) {
    addAudit(
      client,
      ids,
      random,
      'surveillance',
      cycleNumber,
      addCalendarDays(decision, 330 + random.int(-20, 10)),
      2,
    );
    addAudit(
      client,
      ids,
      random,
      'surveillance',
      cycleNumber,
      addCalendarDays(decision, 695 + random.int(-20, 10)),
      2,
    );
  }
  addAudit(
    client,
    ids,
    random,
    'recertification',
    cycleNumber,
    addCalendarDays(decision, 1000 + random.int(-15, 15)),
    3,
  );
}

function statusFor(random: Random): ClientStatus {
  const r = random.next();
  if (r < 0.12) return 'prospect';
  if (r < 0.25) return 'applicant';
  if (r < 0.85) return 'certified';
  if (r < 0.9) return 'suspended';
  return 'withdrawn';
}

function sitesFor(random: Random, ids: Counters, multi: boolean, country: string): PlanSite[] {
  const count = multi ? random.int(2, 9) : 1;
  const sites: PlanSite[] = [];
  for (let i = 0; i < count; i++) {
    const fullTime = random.int(5, i === 0 ? 900 : 300);
    sites.push({
      n: ids.take(),
      name: i === 0 ? 'Head office' : `Site ${i + 1}`,
      country: i === 0 || random.chance(0.7) ? country : random.pick(countries),
      isCentral: i === 0,
      fullTime,
      partTime: random.int(0, Math.ceil(fullTime / 5)),
      aiPersonnel: random.int(1, Math.max(1, Math.ceil(fullTime / 3))),
    });
  }
  return sites;
}

function planClient(index: number, random: Random, ids: Counters, scale: BenchScale): PlanClient {
  const status = statusFor(random);
  const country = random.pick(countries);
  const prefix = random.pick(prefixes);
  const core = random.pick(cores);
  const client: PlanClient = {
    n: ids.take(),
    index,
    reference: '',
    legalName: `${prefix} ${core} ${random.pick(forms)}`,
    tradingName: random.chance(0.5) ? `${prefix} ${core}` : '',
    country,
    status,
    createdDay: benchToday,
    archived: status === 'withdrawn' && random.chance(0.3),
    aiRoles: [random.pick(aiRoleChoices), ...(random.chance(0.4) ? ['user'] : [])].filter(
      (role, i, all) => all.indexOf(role) === i,
    ),
    sites: [],
    cycles: [],
    audits: [],
  };
  client.sites = sitesFor(random, ids, random.chance(scale.multiSiteShare), country);
  const cycle = (
    cycleNumber: number,
    decisionDate: string,
    rest: Partial<PlanCycle> = {},
  ): PlanCycle => ({
    n: ids.take(),
    cycleNumber,
    decisionDate,
    previousExpiryDate: null,
    previousAuditDate: null,
    recertificationDecisionDate: null,
    ...rest,
  });
  switch (status) {
    case 'certified':
    case 'suspended': {
      const suspended = status === 'suspended';
      const decision = day(-(suspended ? random.int(400, 1000) : random.int(20, 1060)));
      if (!suspended && random.chance(0.05)) {
        // A second cycle: the first ended with a recertification decision before its expiry.
        const first = addCalendarDays(decision, -random.int(1040, 1070));
        certifiedHistory(client, ids, random, 1, first, true, false);
        const recert = client.audits.at(-1);
        client.cycles.push(cycle(1, first, { recertificationDecisionDate: decision }));
        client.cycles.push(
          cycle(2, decision, {
            previousExpiryDate: expiryFor(first),
            previousAuditDate: recert?.completedOn ?? null,
          }),
        );
        certifiedHistory(client, ids, random, 2, decision, false, false);
      } else {
        client.cycles.push(cycle(1, decision));
        // Suspended: the surveillance that fell due was never held.
        certifiedHistory(client, ids, random, 1, decision, true, suspended);
      }
      break;
    }
    case 'applicant': {
      const stage1 = day(random.int(-120, 60));
      addAudit(client, ids, random, 'stage1', 1, stage1, 2);
      if (stage1 < day(-10) && random.chance(0.7)) {
        addAudit(client, ids, random, 'stage2', 1, addCalendarDays(stage1, random.int(30, 70)), 3);
      }
      break;
    }
    case 'withdrawn': {
      const decision = day(-random.int(1200, 2500));
      client.cycles.push(cycle(1, decision));
      addAudit(client, ids, random, 'stage1', 1, addCalendarDays(decision, -80), 2);
      addAudit(client, ids, random, 'stage2', 1, addCalendarDays(decision, -35), 3);
      addAudit(client, ids, random, 'surveillance', 1, addCalendarDays(decision, 330), 2);
      break;
    }
    case 'prospect':
      break;
  }
  const first = client.audits[0]?.start ?? day(-random.int(10, 400));
  client.createdDay = addCalendarDays(first, -random.int(20, 120));
  return client;
}

/** Withdrawn clients' audits go first when the plan has more than the scale asks for. */
function trimAudits(clients: PlanClient[], excess: number): number {
  let left = excess;
  for (const client of clients) {
    if (left === 0) break;
    if (client.status !== 'withdrawn') continue;
    while (left > 0 && client.audits.length > 1) {
      client.audits.pop();
      left--;
    }
  }
  return left;
}

/** Special (short-notice) audits, held in the past, fill the plan up to the scale's number. */
function fillAudits(clients: PlanClient[], ids: Counters, random: Random, missing: number): void {
  const certified = clients.filter((c) => c.status === 'certified' && c.cycles.length > 0);
  if (certified.length === 0) throw new Error('The benchmark plan has no certified client.');
  for (let i = 0; i < missing; i++) {
    const client = certified[i % certified.length] as PlanClient;
    const cycle = client.cycles.at(-1) as PlanCycle;
    const since = Math.max(
      1,
      Math.floor((Date.parse(benchToday) - Date.parse(cycle.decisionDate)) / 86_400_000),
    );
    const start = day(-random.int(Math.min(15, since), Math.max(15, since)));
    addAudit(client, ids, random, 'special', cycle.cycleNumber, start, 1);
    // addAudit skips nothing in the past; keep the audits of a client in date order.
    client.audits.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.n - b.n));
  }
}

function references(clients: PlanClient[]): void {
  const perYear = new Map<string, number>();
  for (const client of clients) {
    const year = client.createdDay.slice(0, 4);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    client.reference = `C-${year}-${String(next).padStart(4, '0')}`;
  }
}

function planPeople(random: Random, ids: Counters, auditors: number): PlanPerson[] {
  const people: PlanPerson[] = [
    {
      n: ids.take(),
      name: 'Bench Scheduler',
      email: 'scheduler@bench.example',
      roles: ['admin', 'scheduler'],
    },
  ];
  for (let i = 0; i < auditors; i++) {
    const name = `${random.pick(firstNames)} ${random.pick(lastNames)} ${i + 1}`;
    const roles =
      i % 3 === 0 ? ['lead_auditor', 'auditor'] : i % 7 === 1 ? ['technical_expert'] : ['auditor'];
    people.push({ n: ids.take(), name, email: `auditor${i + 1}@bench.example`, roles });
  }
  return people;
}

function assignTeams(audits: PlanAudit[], people: PlanPerson[], random: Random): void {
  const auditors = people.slice(1);
  const leads = auditors.filter((p) => p.roles.includes('lead_auditor'));
  if (leads.length === 0 || auditors.length < 3) {
    throw new Error('The benchmark needs at least 3 auditors, one of them a lead auditor.');
  }
  for (const audit of audits) {
    const lead = random.pick(leads);
    let other = random.pick(auditors);
    while (other.n === lead.n) other = random.pick(auditors);
    audit.team = [
      { person: lead.n, role: 'lead_auditor' },
      {
        person: other.n,
        role: other.roles.includes('technical_expert') ? 'technical_expert' : 'auditor',
      },
    ];
    if (random.chance(0.5)) {
      let third = random.pick(auditors);
      while (third.n === lead.n || third.n === other.n) third = random.pick(auditors);
      audit.team.push({ person: third.n, role: 'technical_expert' });
    }
  }
}

/**
 * The showcase: a large multi-site certified client's recertification, on site now, whose
 * checklist the checklist screen opens and whose report is rendered.
 */
function addShowcase(clients: PlanClient[], ids: Counters): PlanAudit {
  const late = (c: PlanClient) => (c.cycles.at(-1)?.decisionDate ?? benchToday) <= day(-950);
  const client =
    clients.find((c) => c.status === 'certified' && c.sites.length > 1 && late(c)) ??
    clients.find((c) => c.status === 'certified' && late(c)) ??
    clients.find((c) => c.status === 'certified');
  if (!client) throw new Error('The benchmark plan has no certified client.');
  const cycle = client.cycles.at(-1) as PlanCycle;
  const audit: PlanAudit = {
    n: ids.take(),
    client,
    type: 'recertification',
    cycleNumber: cycle.cycleNumber,
    state: 'in_progress',
    start: day(-2),
    end: day(2),
    completedOn: null,
    team: [],
    showcase: true,
  };
  // Its own cycle's recertification (if planned already) is this one.
  client.audits = client.audits.filter(
    (a) => !(a.type === 'recertification' && a.cycleNumber === cycle.cycleNumber),
  );
  client.audits.push(audit);
  return audit;
}

export function planBench(scale: BenchScale, random: Random, ids: Counters): BenchPlan {
  const people = planPeople(random, ids, scale.auditors);
  const clients: PlanClient[] = [];
  for (let i = 0; i < scale.clients; i++) clients.push(planClient(i, random, ids, scale));
  const showcase = addShowcase(clients, ids);
  const count = () => clients.reduce((sum, c) => sum + c.audits.length, 0);
  const planned = count();
  if (planned > scale.audits) {
    const left = trimAudits(clients, planned - scale.audits);
    if (left > 0) throw new Error(`The benchmark plan has ${left} audits too many.`);
  } else if (planned < scale.audits) {
    fillAudits(clients, ids, random, scale.audits - planned);
  }
  references(clients);
  const audits = clients.flatMap((c) => c.audits);
  assignTeams(audits, people, random);
  const scheduler = people[0] as PlanPerson;
  return { people, scheduler, clients, audits, showcase };
}
