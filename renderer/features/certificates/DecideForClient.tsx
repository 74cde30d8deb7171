import { Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api';
import { statusLabels } from '../clients/StatusBadge';

/** Opens a client's decision screen: the way in for a decision maker starting from the register. */
export default function DecideForClient() {
  const navigate = useNavigate();
  const [wanted, setWanted] = useState(false);
  const clients = useQuery({
    queryKey: ['clients', 'list', { decisionPicker: true }],
    queryFn: () => call('listClients', {}),
    enabled: wanted,
    select: (list) =>
      list
        .filter((c) => c.status !== 'prospect')
        .map((c) => ({
          value: c.id,
          label: `${c.legalName} · ${c.reference} · ${statusLabels[c.status]}`,
        })),
  });
  return (
    <Group align="end">
      <Select
        label="Take a certification decision for"
        placeholder="Choose a client"
        searchable
        limit={50}
        nothingFoundMessage={clients.isPending ? 'Loading clients…' : 'No client matches'}
        data={clients.data ?? []}
        onDropdownOpen={() => setWanted(true)}
        onFocus={() => setWanted(true)}
        onChange={(id) => {
          if (id) navigate(`/clients/${id}/decision`);
        }}
        w={380}
      />
    </Group>
  );
}
