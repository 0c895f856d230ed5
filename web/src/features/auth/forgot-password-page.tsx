import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { problemMessage } from '../../lib/problem-message.ts';
import { AuthCard } from './auth-card.tsx';
import { useRequestPasswordReset } from './queries.ts';

/** `/mot-de-passe-oublie`: asks for a reset link; the answer never says whether the account exists. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!z.email().safeParse(email.trim()).success) {
      setEmailError(t('validation.email'));
      return;
    }
    setEmailError(null);
    request.mutate(email.trim());
  };

  return (
    <AuthCard title={t('auth.forgotTitle')} intro={t('auth.forgotIntro')}>
      {request.isSuccess ? (
        <Alert color="green" role="status" title={t('auth.forgotSentTitle')}>
          {t('auth.forgotSent')}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {request.isError && (
              <Alert color="red" role="alert">
                {problemMessage(request.error, t, i18n.language)}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              error={emailError}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <Button type="submit" loading={request.isPending}>
              {t('auth.forgotSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/connexion" fz="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
