import { Alert, Button, Group, Stack } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemFieldErrors, problemMessage } from '../../lib/problem-message.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';

type Errors<V> = Partial<Record<keyof V, string>>;

/**
 * Values of a form as typed, with the client-side errors (i18n keys) of the last check; changing
 * a field clears its error, so the message never outlives the mistake.
 */
export function useFormValues<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors<V>>({});
  const set = (changes: Partial<V>) => {
    setValues((current) => ({ ...current, ...changes }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(changes)) delete next[key as keyof V];
      return next;
    });
  };
  return { values, set, setValues, errors, setErrors };
}

/** The message of a field: the client's check first (translated), else the server's. */
export function useFieldError<V extends object>(clientErrors: Errors<V>, submitError: unknown) {
  const { t, i18n } = useTranslation();
  const serverErrors = problemFieldErrors(submitError, i18n.language);
  return (field: keyof V & string): string | undefined => {
    const key = clientErrors[field];
    return key ? t(key) : serverErrors[field];
  };
}

interface Props {
  submitLabel: string;
  isSubmitting: boolean;
  hasClientErrors: boolean;
  /** The failed request, shown as one message at the top (field errors go beside the fields). */
  submitError: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A form inside a dialog: one alert on top, the fields, then cancel and submit. */
export function DialogForm({
  submitLabel,
  isSubmitting,
  hasClientErrors,
  submitError,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // Focus moves to the first invalid field after each failed check or failed request.
  useFocusFirstError(formRef, hasClientErrors || submitError ? attempt : 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setAttempt((n) => n + 1);
    onSubmit();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md">
        {(hasClientErrors || !!submitError) && (
          <Alert color="red" role="alert">
            {submitError ? problemMessage(submitError, t, i18n.language) : t('validation.fixFields')}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
