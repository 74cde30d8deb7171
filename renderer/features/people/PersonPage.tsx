import { Alert, Anchor, Badge, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { competenceRecorders, mayRecordFor } from '../../../shared/people/profile';
import { hasAnyRole, roleLabels } from '../../../shared/people/schema';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import AvailabilityTab from './AvailabilityTab';
import CompetenceTab from './CompetenceTab';
import ImpartialityTab from './ImpartialityTab';
import QualificationsTab from './QualificationsTab';
import { usePersonProfile } from './usePersonProfile';

/** One person's profile: what the CB knows of their competence, availability and impartiality. */
export default function PersonPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const profile = usePersonProfile(id);
  const me = useSession().data?.current;

  if (profile.isPending) return <Loader aria-label="Loading the person" />;
  if (profile.isError) return <Alert color="red">{errorMessage(profile.error)}</Alert>;
  const p = profile.data;
  const isRecorder = me ? hasAnyRole(me, competenceRecorders) : false;
  const mayRecord = me ? mayRecordFor(me, p.person.id) : false;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/people" size="sm">
        ← People
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {p.person.name}
        </Title>
        <Group gap="xs" mt={4}>
          <Text c="dimmed">
            {p.person.email} · {p.person.roles.map((r) => roleLabels[r]).join(', ')}
          </Text>
          {!p.person.active && <Badge color="gray">Inactive</Badge>}
        </Group>
      </div>
      <Tabs defaultValue={search.get('tab') ?? 'qualifications'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="qualifications">Qualifications ({p.qualifications.length})</Tabs.Tab>
          <Tabs.Tab value="competence">Competence and languages</Tabs.Tab>
          <Tabs.Tab value="availability">Days away ({p.unavailability.length})</Tabs.Tab>
          <Tabs.Tab value="impartiality">Impartiality ({p.declarations.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="qualifications" pt="md">
          <QualificationsTab profile={p} canEdit={isRecorder} />
        </Tabs.Panel>
        <Tabs.Panel value="competence" pt="md">
          <CompetenceTab profile={p} canEdit={isRecorder} />
        </Tabs.Panel>
        <Tabs.Panel value="availability" pt="md">
          <AvailabilityTab profile={p} canEdit={mayRecord} />
        </Tabs.Panel>
        <Tabs.Panel value="impartiality" pt="md">
          <ImpartialityTab
            profile={p}
            canDeclare={mayRecord}
            canRemove={me ? hasAnyRole(me, ['admin']) : false}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
