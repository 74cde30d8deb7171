import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionKind } from '../../../shared/findings/decisions';
import type { CertificateListQuery } from '../../../shared/certificates/schema';
import { call } from '../../api';

export const certificatesKey = ['certificates'] as const;

export function useCertificateRegister(query: CertificateListQuery) {
  return useQuery({
    queryKey: [...certificatesKey, 'register', query],
    queryFn: () => call('listCertificates', query),
    placeholderData: keepPreviousData,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: [...certificatesKey, 'one', id],
    queryFn: () => call('getCertificate', { id }),
  });
}

export function useDecisionContext(
  clientId: string,
  kind: DecisionKind | null,
  decisionDate: string,
  today: string,
) {
  return useQuery({
    queryKey: [...certificatesKey, 'decision', clientId, kind, decisionDate, today],
    queryFn: () =>
      call('certificationDecisionContext', {
        clientId,
        today,
        ...(kind ? { kind } : {}),
        ...(decisionDate !== '' && decisionDate <= today ? { decisionDate } : {}),
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCertificateNumbering() {
  return useQuery({
    queryKey: [...certificatesKey, 'numbering'],
    queryFn: () => call('certificateNumbering'),
  });
}

/**
 * After a decision: certificates, the client (its status), its programme, findings panels and the
 * audits read afresh.
 */
export function useDecisionTaken() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
