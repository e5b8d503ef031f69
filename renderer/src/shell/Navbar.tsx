import { NavLink, Stack } from '@mantine/core';
import { can, type Permissions } from '../lib/status';
import { PAGES, type PageId } from './pages';

export function Navbar({
  page,
  perms,
  onNavigate,
}: {
  page: PageId;
  perms: Permissions;
  onNavigate: (p: PageId) => void;
}) {
  return (
    <Stack gap={2} p="xs">
      {PAGES.filter((p) => !p.needs || can(perms, p.needs)).map((p) => (
        <NavLink
          key={p.id}
          component="button"
          label={p.label}
          active={p.id === page}
          aria-current={p.id === page ? 'page' : undefined}
          onClick={() => onNavigate(p.id)}
          variant="filled"
        />
      ))}
    </Stack>
  );
}
