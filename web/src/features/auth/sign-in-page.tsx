import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { SignInSchema } from '../../../../src/contracts/session.ts';
import { isApiError } from '../../lib/api.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { AuthCard } from './auth-card.tsx';
import { useMe, useSignIn } from './queries.ts';

function returnPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/') && !state.from.startsWith('//')) return state.from;
  }
  return '/';
}

/** `/connexion`: e-mail and password; back to the page that asked for it. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const target = returnPath(location.state);

  if (me.data) return <Navigate to={target} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!SignInSchema.safeParse({ email: email.trim(), password }).success) {
      setFormError(t('auth.signInInvalid'));
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate(target, { replace: true }),
        onError: (error) => {
          // NOTE: better-auth answers bad credentials in its own format, not problem+json.
          const isBadCredentials = (isApiError(error, 401) || isApiError(error, 400)) && !error.problem;
          setFormError(isBadCredentials ? t('auth.badCredentials') : problemMessage(error, t, i18n.language));
        },
      },
    );
  };

  return (
    <AuthCard title={t('auth.signInTitle')} intro={t('auth.signInIntro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/mot-de-passe-oublie" fz="sm">
            {t('auth.forgotLink')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
