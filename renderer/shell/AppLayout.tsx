import { AppShell, Badge, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Award,
  Building2,
  CalendarRange,
  ClipboardList,
  Database,
  FileWarning,
  HardDriveDownload,
  Landmark,
  ListChecks,
  TableProperties,
  Users,
  PackageOpen,
} from 'lucide-react';
import { Link as RouterLink, Outlet, useLocation } from 'react-router';
import { hasAnyRole, roleLabels, type Role } from '../../shared/people/schema';
import { call } from '../api';
import { useSession } from '../session/useSession';

interface NavItem {
  to: string;
  label: string;
  icon: typeof Building2;
  roles?: Role[];
}

// The navigation mirrors the work; Programme, Audits, Findings, Certificates slot in here.
const navItems: NavItem[] = [
  { to: '/programme', label: 'Programme', icon: CalendarRange },
  { to: '/clients', label: 'Clients', icon: Building2 },
  { to: '/audits', label: 'Audits', icon: ClipboardList },
  { to: '/findings', label: 'Findings', icon: FileWarning },
  { to: '/certificates', label: 'Certificates', icon: Award },
  { to: '/people', label: 'People', icon: Users },
  { to: '/settings/audit-time-tables', label: 'Audit-time tables', icon: TableProperties },
  { to: '/settings/catalogue', label: 'Checklist catalogue', icon: ListChecks },
  { to: '/settings/certification-body', label: 'Certification body', icon: Landmark },
  { to: '/data', label: 'Data and backups', icon: Database },
  { to: '/data/packages', label: 'Audit packages', icon: PackageOpen },
];

export default function AppLayout() {
  const session = useSession();
  const queryClient = useQueryClient();
  const location = useLocation();
  // The longest matching entry is the active one: /data/packages is not also "Data and backups".
  const activeTo = navItems
    .map((item) => item.to)
    .filter((to) => location.pathname === to || location.pathname.startsWith(`${to}/`))
    .sort((a, b) => b.length - a.length)[0];
  const person = session.data?.current;
  const signOut = useMutation({
    mutationFn: () => call('signOut'),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <HardDriveDownload size={20} aria-hidden />
            <Title order={2} size="h4">
              Audit Desk
            </Title>
            <Badge variant="outline" color="teal.9" title="Nothing here waits on a network">
              Saved on this computer
            </Badge>
          </Group>
          {person && (
            <Group gap="sm">
              <Text size="sm" data-testid="current-person">
                {person.name}
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {person.roles.map((r) => roleLabels[r]).join(', ')}
                </Text>
              </Text>
              <Button variant="subtle" size="xs" onClick={() => signOut.mutate()}>
                Switch person
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {navItems
          .filter((item) => !item.roles || (person && hasAnyRole(person, item.roles)))
          .map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} aria-hidden />}
              active={item.to === activeTo}
              aria-current={item.to === activeTo ? 'page' : undefined}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
