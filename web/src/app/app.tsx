import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { meQueryKey } from '../features/auth/queries.ts';
import { isApiError } from '../lib/api.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

// NOTE: a 401 from any request means the session ended (expired, or revoked by a password
// reset): forgetting the user makes the private pages redirect to the sign-in page.
const onError = (error: unknown) => {
  if (isApiError(error, 401)) queryClient.setQueryData(meQueryKey, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again.
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Providers of the whole web app: theme, server state, router. */
export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
