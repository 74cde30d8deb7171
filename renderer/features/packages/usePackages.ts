import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const packageIdentityKey = ['package-identity'] as const;
export const packageHistoryKey = ['package-history'] as const;

/** This installation's name and key fingerprint (the key pair is made on first use). */
export function usePackageIdentity() {
  return useQuery({ queryKey: packageIdentityKey, queryFn: () => call('packageIdentity') });
}

/** Packages exported from and imported into this database, newest first. */
export function usePackageHistory() {
  return useQuery({ queryKey: packageHistoryKey, queryFn: () => call('packageHistory') });
}
