import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  logoMaxBytes,
  logoProblem,
  logoTooLarge,
  type CertificationBodyLogoInput,
} from '../../../shared/settings/certification-body-logo';
import { call, errorMessage } from '../../api';
import { serverFieldError } from '../../forms';
import { bytesToBase64 } from '../evidence/evidenceFormat';

export const logoKey = ['certification-body', 'logo'] as const;

/**
 * The CB's logo: the stored one, choosing a new one (checked here first: size, PNG or JPEG by its
 * bytes, then again in the main process), removing it and putting it back. `error` is the
 * message for the file field.
 */
export function useCertificationBodyLogo() {
  const queryClient = useQueryClient();
  const logo = useQuery({ queryKey: logoKey, queryFn: () => call('certificationBodyLogo') });
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: logoKey });

  const save = useMutation({
    mutationFn: (input: CertificationBodyLogoInput) => call('setCertificationBodyLogo', input),
    onSuccess: async () => {
      setError(null);
      await refresh();
      notifications.show({
        color: 'green',
        message: 'Logo saved. Audit reports, certificates and audit plans now print it.',
      });
    },
    onError: (e) => setError(serverFieldError(e)?.logo ?? errorMessage(e)),
  });

  const remove = useMutation({
    mutationFn: () => call('removeCertificationBodyLogo'),
    onSuccess: refresh,
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  /** Checks the chosen file and sends it; a problem goes to the field, nothing is sent. */
  async function choose(file: File | null): Promise<void> {
    setError(null);
    if (!file) return;
    if (file.size > logoMaxBytes) {
      setError(logoTooLarge(file.name, file.size));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = logoProblem(file.name, bytes);
    if (problem) {
      setError(problem);
      return;
    }
    save.mutate({ fileName: file.name, logo: bytesToBase64(bytes) });
  }

  /** Puts a removed logo back (the Undo after Remove). */
  const restore = (data: string) => save.mutate({ fileName: '', logo: data });

  return { logo, error, choose, saving: save.isPending, remove, restore };
}
