import { AppShell, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure, useReducedMotion } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigationType } from 'react-router';
import { useMe } from '../features/auth/queries.ts';
import { AppHeader } from './app-header.tsx';
import { MainNav } from './main-nav.tsx';

/** The page frame: skip link, header, mission navigation (when signed in) and the main landmark. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const signedIn = !!me.data;
  const [opened, { toggle, close }] = useDisclosure(false);
  const reduceMotion = useReducedMotion();
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const mainRef = useRef<HTMLElement>(null);

  // NOTE: after following a link inside the app (a PUSH), focus moves to the new page so that
  // keyboard and screen-reader users start reading it from the top, as after a full page load.
  // A page load or back/forward (POP) leaves focus where the browser puts it.
  useEffect(() => {
    close();
    if (navigationType === 'PUSH') mainRef.current?.focus();
  }, [pathname, navigationType, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      // NOTE: the navbar is always configured (collapsed when signed out): switching the prop
      // between undefined and an object left the main area's padding stale.
      navbar={{
        width: 250,
        breakpoint: 'sm',
        collapsed: { mobile: !signedIn || !opened, desktop: !signedIn },
      }}
      padding="lg"
      transitionDuration={reduceMotion ? 0 : 200}
    >
      <a className="skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          {signedIn && (
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              transitionDuration={reduceMotion ? 0 : 300}
              aria-label={opened ? t('layout.closeMenu') : t('layout.openMenu')}
              aria-expanded={opened}
              aria-controls="main-nav"
            />
          )}
          <AppHeader me={me.data ?? null} />
        </Group>
      </AppShell.Header>
      {signedIn && me.data && (
        <AppShell.Navbar id="main-nav" aria-label={t('layout.mainNav')} p="sm">
          <AppShell.Section grow component={ScrollArea}>
            <MainNav me={me.data} />
          </AppShell.Section>
        </AppShell.Navbar>
      )}
      <AppShell.Main id="main-content" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
