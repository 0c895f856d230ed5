import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';

/** Offers the other language, named in that language (and marked with its `lang`). */
export function LanguageSwitch({ size = 'sm' }: { size?: string }) {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith('en');
  const target = isEnglish ? 'fr' : 'en';
  return (
    <Button variant="default" size={size} lang={target} onClick={() => void changeLanguage(target)}>
      {isEnglish ? 'Français' : 'English'}
    </Button>
  );
}
