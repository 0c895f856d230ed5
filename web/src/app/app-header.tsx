import { Anchor, Box, Button, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../src/contracts/session.ts';
import { useSignOut } from '../features/auth/queries.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The banner: brand and lab, language switch, who is signed in and the sign-out button. */
export function AppHeader({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { pathname } = useLocation();
  // On a phone, compact buttons leave room for the brand.
  const buttonSize = useMediaQuery('(max-width: 36em)') ? 'compact-sm' : 'sm';

  const onSignOut = () =>
    signOut.mutate(undefined, { onSuccess: () => void navigate('/connexion', { replace: true }) });

  return (
    <>
      <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        <Anchor
          component={Link}
          to="/"
          fw={800}
          fz="xl"
          underline="never"
          c="indigo.9"
          style={{ flexShrink: 0 }}
        >
          Labo
        </Anchor>
        {me?.lab && (
          <Text fz="sm" c="dimmed" truncate visibleFrom="xs">
            {me.lab.name}
          </Text>
        )}
      </Group>
      <LanguageSwitch size={buttonSize} />
      {me ? (
        <Group gap="sm" wrap="nowrap">
          <Box visibleFrom="md" ta="right">
            <Text fz="sm" fw={600} lh={1.2}>
              {me.user.name}
            </Text>
            <Text fz="xs" c="dimmed" lh={1.2}>
              {t(`roles.${me.user.role}`)}
            </Text>
          </Box>
          <Button variant="default" size={buttonSize} onClick={onSignOut} loading={signOut.isPending}>
            {t('auth.signOut')}
          </Button>
        </Group>
      ) : (
        pathname !== '/connexion' && (
          <Button component={Link} to="/connexion" variant="default" size={buttonSize}>
            {t('auth.signIn')}
          </Button>
        )
      )}
    </>
  );
}
