import { useEffect } from 'react';

/** Sets the browser tab's title, so screen-reader users hear where they arrived. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Labo`;
  }, [title]);
}
