import { PasswordInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

// NOTE: the API asks for 12 characters at least (AcceptInvitationSchema in src/contracts/admin.ts).
export const MIN_PASSWORD_LENGTH = 12;

export interface NewPassword {
  password: string;
  confirmation: string;
}

/** Checks a new password on the client; the server checks it again. */
export function newPasswordErrors(value: NewPassword, t: TFunction) {
  const errors: Partial<Record<keyof NewPassword, string>> = {};
  if (value.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = t('validation.passwordLength', { count: MIN_PASSWORD_LENGTH });
  }
  if (value.confirmation !== value.password) errors.confirmation = t('validation.passwordMismatch');
  return errors;
}

/** A new password typed twice. */
export function NewPasswordFields({
  value,
  errors,
  onChange,
}: {
  value: NewPassword;
  errors: Partial<Record<keyof NewPassword, string>>;
  onChange: (value: NewPassword) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordInput
        label={t('auth.newPassword')}
        description={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        value={value.password}
        error={errors.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
      />
      <PasswordInput
        label={t('auth.confirmPassword')}
        autoComplete="new-password"
        required
        value={value.confirmation}
        error={errors.confirmation}
        onChange={(event) => onChange({ ...value, confirmation: event.currentTarget.value })}
      />
    </>
  );
}
