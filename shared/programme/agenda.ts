/**
 * The audit plan's agenda by day (ISO/IEC 17021-1 9.2.3: the plan gives the activities, dates and
 * locations): an opening meeting, the ISO/IEC 42001 clauses 4 to 10 and the Annex A controls the
 * audit covers, spread over the audit days, and a closing meeting.
 */
import { addCalendarDays, type CalendarDay } from '../cycle';
import {
  clauseGroups,
  clauses,
  controlGroups,
  controls,
  type Clause,
  type RequirementStage,
} from '../iso42001/requirements';
import type { AuditType } from './vocabulary';

export interface AgendaBlock {
  /** e.g. "Clause 6 Planning" or "A.6 AI system life cycle". */
  title: string;
  /** "6.1.2 AI risk assessment", one line per clause or control. */
  items: string[];
}

export interface AgendaDay {
  date: CalendarDay;
  siteNames: string[];
  blocks: AgendaBlock[];
}

/** Stage 1 checks design and readiness; every other audit checks implementation (stage 2 items). */
function stageFor(type: AuditType): RequirementStage {
  return type === 'stage1' ? 'stage1' : 'stage2';
}

/** "9.2.1 Internal audit: General" rather than a bare "General" under a heading clause. */
function clauseLabel(clause: Clause): string {
  if (clause.title !== 'General') return `${clause.id} ${clause.title}`;
  const heading = clauses.find((c) => c.id === clause.parent);
  return `${clause.id} ${heading ? `${heading.title}: ` : ''}${clause.title}`;
}

/** The topic blocks in order: clause groups 4 to 10, then the Annex A groups. */
export function agendaBlocks(type: AuditType): AgendaBlock[] {
  const stage = stageFor(type);
  const clauseBlocks = clauseGroups.map((group) => ({
    title: `Clause ${group.id} ${group.title}`,
    items: clauses
      .filter((c) => c.id.split('.')[0] === group.id && c.stages.includes(stage))
      .map(clauseLabel),
  }));
  const controlBlocks = controlGroups.map((group) => ({
    title: `${group.id} ${group.title}`,
    items: controls
      .filter((c) => c.group === group.id && c.stages.includes(stage))
      .map((c) => `${c.id} ${c.title}`),
  }));
  return [...clauseBlocks, ...controlBlocks].filter((block) => block.items.length > 0);
}

function isWeekend(day: CalendarDay): boolean {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The working days from start to end inclusive; weekends only when the audit is held on them alone. */
export function auditDays(startDate: CalendarDay, endDate: CalendarDay): CalendarDay[] {
  const all: CalendarDay[] = [];
  for (let day = startDate; day <= endDate && all.length < 366; day = addCalendarDays(day, 1)) {
    all.push(day);
  }
  const weekdays = all.filter((day) => !isWeekend(day));
  return weekdays.length > 0 ? weekdays : all;
}

/** Splits `count` things over `parts` in order, as evenly as possible: which part each falls in. */
function partOf(index: number, count: number, parts: number): number {
  return Math.min(parts - 1, Math.floor((index * parts) / count));
}

export const openingMeeting: AgendaBlock = {
  title: 'Opening meeting',
  items: [
    'Introductions, confirmation of scope, objectives, criteria and this plan',
    'Confidentiality, reporting of findings and conditions for ending the audit early',
  ],
};

export const closingMeeting: AgendaBlock = {
  title: 'Closing meeting',
  items: [
    'Audit team review of the evidence and agreement on findings',
    'Presentation of findings and conclusions; nonconformities and the time to correct them',
  ],
};

/**
 * The agenda for an audit: topic blocks spread over its days by their number of items, the
 * opening meeting first and the closing meeting last, and the sites to visit spread in order.
 */
export function auditAgenda(
  type: AuditType,
  startDate: CalendarDay,
  endDate: CalendarDay,
  siteNames: readonly string[],
): AgendaDay[] {
  const days = auditDays(startDate, endDate);
  const blocks = agendaBlocks(type);
  const weights = blocks.map((b) => b.items.length);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const agenda: AgendaDay[] = days.map((date) => ({ date, siteNames: [], blocks: [] }));
  let done = 0;
  blocks.forEach((block, i) => {
    // A block goes to the day its midpoint falls in, so days get about equal numbers of items.
    const midpoint = done + (weights[i] ?? 0) / 2;
    done += weights[i] ?? 0;
    agenda[partOf(midpoint, total, days.length)]?.blocks.push(block);
  });
  siteNames.forEach((name, i) => {
    if (siteNames.length <= days.length) {
      // Fewer sites than days: each site gets a run of consecutive days.
      days.forEach((_day, d) => {
        if (partOf(d, days.length, siteNames.length) === i) agenda[d]?.siteNames.push(name);
      });
    } else {
      agenda[partOf(i, siteNames.length, days.length)]?.siteNames.push(name);
    }
  });
  agenda[0]?.blocks.unshift(openingMeeting);
  agenda.at(-1)?.blocks.push(closingMeeting);
  return agenda;
}
