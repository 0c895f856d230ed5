import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemMessage, problemFieldErrors } from '../../lib/problem-message.ts';
import { AuthCard } from './auth-card.tsx';
import { NewPasswordFields, newPasswordErrors, type NewPassword } from './new-password-fields.tsx';
import { useResetPassword } from './queries.ts';

/** `/reinitialiser?token=…`: the page the reset e-mail links to. */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [value, setValue] = useState<NewPassword>({ password: '', confirmation: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof NewPassword, string>>>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = newPasswordErrors(value, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    reset.mutate(
      { newPassword: value.password, token },
      { onError: (error) => setErrors({ password: problemFieldErrors(error, i18n.language).newPassword }) },
    );
  };

  if (!token || params.get('error')) {
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <Alert color="red" role="alert">
          {t('auth.resetBadLink')}
        </Alert>
        <Anchor component={Link} to="/mot-de-passe-oublie">
          {t('auth.resetAskAgain')}
        </Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.resetTitle')} intro={reset.isSuccess ? undefined : t('auth.resetIntro')}>
      {reset.isSuccess ? (
        <>
          <Alert color="green" role="status">
            {t('auth.resetDone')}
          </Alert>
          <Button component={Link} to="/connexion">
            {t('auth.signIn')}
          </Button>
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            {reset.isError && (
              <Alert color="red" role="alert">
                {problemMessage(reset.error, t, i18n.language)}
              </Alert>
            )}
            <NewPasswordFields value={value} errors={errors} onChange={setValue} />
            <Button type="submit" loading={reset.isPending}>
              {t('auth.resetSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
