import { useEffect, type RefObject } from 'react';

/** After a failed submission, moves focus to the first invalid field so it is read out first. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, attempt: unknown) {
  useEffect(() => {
    if (!attempt) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
