import { Alert, Button, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { PersonProfile } from '../../../shared/people/profile';
import type { CompetenceArea } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import CompetenceAreaChecks from '../team/CompetenceAreaChecks';
import { languageOptions } from './languages';
import { useRefreshProfile } from './usePersonProfile';

/** The competence areas a person covers and the languages they audit in (17021-1 7.2). */
export default function CompetenceTab({
  profile,
  canEdit,
}: {
  profile: PersonProfile;
  canEdit: boolean;
}) {
  const refresh = useRefreshProfile(profile.person.id);
  const [areas, setAreas] = useState<CompetenceArea[]>(profile.competenceAreas);
  const [languages, setLanguages] = useState<string[]>(profile.languages);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Codes recorded elsewhere (e.g. the command line) stay choosable.
  const options = [
    ...languageOptions,
    ...profile.languages
      .filter((l) => !languageOptions.some((o) => o.value === l))
      .map((l) => ({ value: l, label: l })),
  ];

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      await call('updatePersonCompetence', {
        id: profile.person.id,
        competenceAreas: areas,
        languages,
      });
      await refresh();
      notifications.show({
        color: 'green',
        message: `Competence of ${profile.person.name} saved.`,
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack maw={900}>
      {!canEdit && <Text c="dimmed">Only an administrator records competence.</Text>}
      <CompetenceAreaChecks
        label="Competence areas covered"
        description="Audit teams must cover every area a client's application review requires."
        value={areas}
        onChange={setAreas}
        disabled={!canEdit}
      />
      <MultiSelect
        label="Languages the person audits in"
        data={options}
        value={languages}
        onChange={setLanguages}
        searchable
        disabled={!canEdit}
        placeholder={canEdit ? 'Type to search' : undefined}
      />
      {error && <Alert color="red">{error}</Alert>}
      {canEdit && (
        <Button w="fit-content" onClick={save} loading={saving}>
          Save competence
        </Button>
      )}
    </Stack>
  );
}
