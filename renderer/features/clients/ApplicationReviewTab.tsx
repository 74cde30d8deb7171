import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Client } from '../../../shared/clients/schema';
import { hasAnyRole } from '../../../shared/people/schema';
import { applicationReviewers } from '../../../shared/programme/team-schema';
import type { CompetenceArea } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import CompetenceAreaChecks from '../team/CompetenceAreaChecks';
import { teamKey } from '../team/useTeam';
import { clientsKey } from './useClients';

/**
 * Application review (ISO/IEC 17021-1 9.1.2): the competence areas the client's scope needs,
 * chosen by the CB, with who reviewed and when. Every audit team must cover them.
 */
export default function ApplicationReviewTab({ client }: { client: Client }) {
  const queryClient = useQueryClient();
  const me = useSession().data?.current;
  const canReview = me ? hasAnyRole(me, applicationReviewers) : false;
  const review = useQuery({
    queryKey: [...clientsKey, 'review', client.id],
    queryFn: () => call('getApplicationReview', { clientId: client.id }),
  });
  const [areas, setAreas] = useState<CompetenceArea[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (review.isPending) return <Loader aria-label="Loading the application review" />;
  if (review.isError) return <Alert color="red">{errorMessage(review.error)}</Alert>;
  const r = review.data;
  const chosen = areas ?? r.requiredCompetenceAreas;

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      await call('reviewApplication', { clientId: client.id, requiredCompetenceAreas: chosen });
      await queryClient.invalidateQueries({ queryKey: clientsKey });
      await queryClient.invalidateQueries({ queryKey: teamKey });
      setAreas(null);
      notifications.show({ color: 'green', message: 'Application review recorded.' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack maw={900}>
      <Text data-testid="application-review-status">
        {r.reviewedAt === null
          ? 'The application has not been reviewed yet: choose the competence areas its scope needs.'
          : `Reviewed by ${r.reviewedBy?.name ?? 'the command line'} on ${formatInstant(r.reviewedAt)}.`}
      </Text>
      <CompetenceAreaChecks
        label="Competence areas the client's scope needs"
        description="Its sector and the AI techniques in scope. Every audit team must cover each one."
        value={chosen}
        onChange={setAreas}
        disabled={!canReview}
      />
      {error && <Alert color="red">{error}</Alert>}
      {canReview ? (
        <Button w="fit-content" onClick={save} loading={saving}>
          Record application review
        </Button>
      ) : (
        <Text c="dimmed">A scheduler, lead auditor or administrator reviews applications.</Text>
      )}
    </Stack>
  );
}
