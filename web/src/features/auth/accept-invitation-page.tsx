import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemFieldErrors, problemMessage } from '../../lib/problem-message.ts';
import { AuthCard } from './auth-card.tsx';
import { NewPasswordFields, newPasswordErrors, type NewPassword } from './new-password-fields.tsx';
import { useAcceptInvitation } from './queries.ts';

type Errors = Partial<Record<'name' | keyof NewPassword, string>>;

/** `/invitation?token=…`: the invited person chooses a name and a password. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useAcceptInvitation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<NewPassword>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Errors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = newPasswordErrors(secret, t);
    if (name.trim().length < 2) found.name = t('validation.nameLength');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate(
      { token, name: name.trim(), password: secret.password },
      { onError: (error) => setErrors(problemFieldErrors(error, i18n.language)) },
    );
  };

  if (!token) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <Alert color="red" role="alert">
          {t('auth.inviteBadLink')}
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.inviteTitle')} intro={accept.isSuccess ? undefined : t('auth.inviteIntro')}>
      {accept.isSuccess ? (
        <>
          <Alert color="green" role="status">
            {t('auth.inviteDone')}
          </Alert>
          <Button component={Link} to="/connexion">
            {t('auth.signIn')}
          </Button>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {accept.isError && (
              <Alert color="red" role="alert">
                {problemMessage(accept.error, t, i18n.language)}
              </Alert>
            )}
            <TextInput
              label={t('auth.name')}
              autoComplete="name"
              required
              value={name}
              error={errors.name}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <NewPasswordFields value={secret} errors={errors} onChange={setSecret} />
            <Button type="submit" loading={accept.isPending}>
              {t('auth.inviteSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
