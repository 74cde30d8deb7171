import { Alert, Button, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { format } from 'date-fns';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { countryName } from '../../../shared/countries';
import { monthPattern } from '../../../shared/programme/programme-schema';
import { hasAnyRole } from '../../../shared/people/schema';
import { errorMessage } from '../../api';
import MonthCalendar from './MonthCalendar';
import NextEventList from './NextEventList';
import ProgrammeCounts from './ProgrammeCounts';
import ProgrammeFilterBar from './ProgrammeFilterBar';
import { matches, readAsOf, readFilters } from './programmeFilters';
import UtilisationChart from './UtilisationChart';
import { usePeople, useProgrammeOverview } from './useProgramme';
import { useUrlParams } from '../../ui/useUrlParams';

const tabs = ['events', 'calendar', 'utilisation'] as const;
type Tab = (typeof tabs)[number];

/**
 * The scheduler's dashboard (issue 5 §4): every client's next event in its programme with its
 * window and state as of a chosen day, counts by state, a month calendar of audits and the days
 * booked per auditor. "As of" looks ahead (or back) without changing anything stored.
 */
export default function ProgrammePage() {
  const [params, update] = useUrlParams();
  const realToday = format(new Date(), 'yyyy-MM-dd');
  const asOf = readAsOf(params, realToday);
  const filters = readFilters(params);
  const tabParam = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as Tab)
    : 'events';
  const calendarParam = params.get('calendar');
  const calendarMonth =
    calendarParam !== null && monthPattern.test(calendarParam) ? calendarParam : asOf.slice(0, 7);

  const overview = useProgrammeOverview(asOf);
  const people = usePeople();

  const events = overview.data?.events;
  const shown = useMemo(
    () => (events ?? []).filter((event) => matches(event, filters)),
    [events, filters],
  );
  const countries = useMemo(() => {
    const codes = [...new Set((events ?? []).map((e) => e.country))];
    return codes
      .map((code) => ({ value: code, label: countryName(code) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [events]);
  const auditors = (people.data ?? [])
    .filter((p) => p.active && hasAnyRole(p, ['auditor', 'lead_auditor', 'technical_expert']))
    .map((p) => ({ value: p.id, label: p.name }));

  const nothingYet = overview.isSuccess && overview.data.events.length === 0;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          Programme
        </Title>
        <Group align="end" gap="xs">
          <TextInput
            type="date"
            label="As of"
            description="Look ahead: states on this day"
            value={asOf}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ asOf: value === realToday ? null : value });
            }}
            w={190}
          />
          {asOf !== realToday && (
            <Button variant="subtle" onClick={() => update({ asOf: null })}>
              Back to today
            </Button>
          )}
        </Group>
      </Group>
      {overview.isError && <Alert color="red">{errorMessage(overview.error)}</Alert>}
      {nothingYet ? (
        <Alert title="No programme yet" color="indigo">
          <Stack gap="xs" align="start">
            <Text size="sm">
              The programme lists every applicant’s and certified client’s next audit or decision.
              Start by adding your clients; record each certified client’s certification decision on
              its page, and plan Stage 1 for applicants.
            </Text>
            <Button component={Link} to="/clients" size="xs">
              Go to clients
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          {overview.data && (
            <ProgrammeCounts
              counts={overview.data.counts}
              selected={filters.state}
              onSelect={(state) => update({ state, tab: null })}
            />
          )}
          <ProgrammeFilterBar
            filters={filters}
            auditors={auditors}
            countries={countries}
            onChange={update}
          />
          <Tabs
            value={tab}
            onChange={(value) => update({ tab: value === 'events' ? null : value })}
            style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="events">
                Next events{' '}
                <Text span size="xs" c="dimmed" aria-live="polite">
                  ({overview.isPending ? '…' : shown.length.toLocaleString()})
                </Text>
              </Tabs.Tab>
              <Tabs.Tab value="calendar">Calendar</Tabs.Tab>
              <Tabs.Tab value="utilisation">Utilisation</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="events" pt="sm" style={{ flex: 1, minHeight: 0, display: 'flex' }}>
              <NextEventList events={shown} resetKey={`${asOf}|${JSON.stringify(filters)}`} />
            </Tabs.Panel>
            <Tabs.Panel value="calendar" pt="sm" style={{ overflow: 'auto' }} tabIndex={0}>
              <MonthCalendar
                month={calendarMonth}
                today={asOf}
                auditorId={filters.auditorId}
                country={filters.country}
                onMonthChange={(month) => update({ calendar: month })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="utilisation" pt="sm" style={{ overflow: 'auto' }} tabIndex={0}>
              <UtilisationChart from={calendarMonth} months={6} auditorId={filters.auditorId} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
