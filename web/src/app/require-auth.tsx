import { Navigate, Outlet, useLocation } from 'react-router';
import { isAdmin, useMe } from '../features/auth/queries.ts';
import { LoadError, PageLoader } from './page-state.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** Private pages: a signed-out visitor is sent to the sign-in page, then back. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <LoadError error={me.error} />;
  if (!me.data) {
    return <Navigate to="/connexion" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}

/** Administration pages: other roles see "not found", as the API answers them. */
export function RequireAdmin() {
  const me = useMe();
  if (!isAdmin(me.data)) return <NotFoundPage />;
  return <Outlet />;
}
