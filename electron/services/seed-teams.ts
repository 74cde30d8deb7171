import { addCalendarDays } from '../../shared/cycle';
import type { CompetenceArea, TeamRole } from '../../shared/programme/vocabulary';

/**
 * Picks demo audit teams the way a scheduler would (issue 5 §3): exactly one lead auditor, the
 * client's competence areas covered between the members, nobody with a declared relationship to
 * the client, nobody away or already booked on those days.
 */
export interface StaffMember {
  id: string;
  competences: ReadonlySet<CompetenceArea>;
}

export interface TeamChoice {
  personId: string;
  role: TeamRole;
}

interface Away {
  personId: string;
  from: string;
  to: string;
}

function daysOf(firstDay: string, lastDay: string): string[] {
  const days: string[] = [];
  for (let day = firstDay; day <= lastDay; day = addCalendarDays(day, 1)) days.push(day);
  return days;
}

/** A list turned by `offset`, so work is shared out in turn. */
function rotated<T>(items: readonly T[], offset: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  const start = ((offset % n) + n) % n;
  return [...items.slice(start), ...items.slice(0, start)];
}

export class TeamPlanner {
  private readonly booked = new Map<string, Set<string>>();

  constructor(
    private readonly leads: readonly StaffMember[],
    private readonly auditors: readonly StaffMember[],
    private readonly technicalExpert: StaffMember | null,
    private readonly away: readonly Away[],
    /** personId → client ids they may not audit. */
    private readonly conflicts: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  private free(member: StaffMember, clientId: string, days: readonly string[]): boolean {
    if (this.conflicts.get(member.id)?.has(clientId)) return false;
    const booked = this.booked.get(member.id);
    if (days.some((day) => booked?.has(day))) return false;
    return !this.away.some(
      (a) => a.personId === member.id && days.some((day) => day >= a.from && day <= a.to),
    );
  }

  private book(member: StaffMember, days: readonly string[]): void {
    let booked = this.booked.get(member.id);
    if (!booked) {
      booked = new Set();
      this.booked.set(member.id, booked);
    }
    for (const day of days) booked.add(day);
  }

  /** A team for one audit; `turn` shares the work out between equally suitable people. */
  choose(
    clientId: string,
    areas: readonly CompetenceArea[],
    firstDay: string,
    lastDay: string,
    turn: number,
  ): TeamChoice[] {
    const days = daysOf(firstDay, lastDay);
    const covers = (m: StaffMember, wanted: readonly CompetenceArea[]) =>
      wanted.every((area) => m.competences.has(area));
    const pick = (candidates: StaffMember[], preferences: CompetenceArea[][]) => {
      const available = candidates.filter((m) => this.free(m, clientId, days));
      for (const wanted of preferences) {
        const found = available.find((m) => covers(m, wanted));
        if (found) return found;
      }
      return available[0] ?? null;
    };

    const sector = areas.filter((a) => a.startsWith('sector'));
    const lead = pick(rotated(this.leads, turn), [[...areas], sector, []]);
    const team: { member: StaffMember; role: TeamRole }[] = [];
    if (lead) team.push({ member: lead, role: 'lead_auditor' });
    const uncovered = () =>
      areas.filter((area) => !team.some(({ member }) => member.competences.has(area)));

    const auditor = pick(rotated(this.auditors, turn), [
      uncovered(),
      uncovered().filter((a) => sector.includes(a)),
      [],
    ]);
    if (auditor) team.push({ member: auditor, role: 'auditor' });
    // A technical expert brings knowledge no auditor on the team has (42006 3.14).
    if (this.technicalExpert && uncovered().length > 0) {
      if (this.free(this.technicalExpert, clientId, days)) {
        team.push({ member: this.technicalExpert, role: 'technical_expert' });
      }
    }
    for (const { member } of team) this.book(member, days);
    return team.map(({ member, role }) => ({ personId: member.id, role }));
  }
}
