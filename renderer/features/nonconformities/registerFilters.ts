import { findingGrades, findingStates, type FindingGrade } from '../../../shared/findings/schema';

export const registerStates = ['all', ...findingStates] as const;
export type RegisterState = (typeof registerStates)[number];

/** The register's filters as they live in the address (so Back and a reload keep them). */
export interface RegisterParams {
  search: string;
  grade: FindingGrade | null;
  state: RegisterState;
  overdueOnly: boolean;
  clientId: string | null;
  auditId: string | null;
  auditorId: string | null;
}

export function readRegisterParams(params: URLSearchParams): RegisterParams {
  const grade = params.get('grade');
  const state = params.get('state');
  return {
    search: params.get('q') ?? '',
    grade: (findingGrades as readonly string[]).includes(grade ?? '')
      ? (grade as FindingGrade)
      : null,
    state: (registerStates as readonly string[]).includes(state ?? '')
      ? (state as RegisterState)
      : 'open',
    overdueOnly: params.get('overdue') === '1',
    clientId: params.get('client'),
    auditId: params.get('audit'),
    auditorId: params.get('auditor'),
  };
}

/** Whether anything narrows the default view (every open finding). */
export function isFiltered(p: RegisterParams): boolean {
  return (
    p.search !== '' ||
    p.grade !== null ||
    p.state !== 'open' ||
    p.overdueOnly ||
    p.clientId !== null ||
    p.auditId !== null ||
    p.auditorId !== null
  );
}
