import { createBrowserRouter } from 'react-router';
import { AdminOutboxPage } from '../features/admin/admin-outbox-page.tsx';
import { AdminUsersPage } from '../features/admin/admin-users-page.tsx';
import { InviteUserPage } from '../features/admin/invite-user-page.tsx';
import { AcceptInvitationPage } from '../features/auth/accept-invitation-page.tsx';
import { ForgotPasswordPage } from '../features/auth/forgot-password-page.tsx';
import { ResetPasswordPage } from '../features/auth/reset-password-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { CreateOrganisationPage } from '../features/directory/create-organisation-page.tsx';
import { DuplicatesPage } from '../features/directory/duplicates/duplicates-page.tsx';
import { ImportPage } from '../features/directory/import/import-page.tsx';
import { EditOrganisationPage } from '../features/directory/edit-organisation-page.tsx';
import { OrganisationPage } from '../features/directory/organisation-page.tsx';
import { OrganisationsPage } from '../features/directory/organisations-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { MissionPage } from '../features/missions/mission-page.tsx';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAdmin, RequireAuth } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';

/** Paths are French, as users see and share them. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: 'connexion', element: <SignInPage /> },
      { path: 'mot-de-passe-oublie', element: <ForgotPasswordPage /> },
      { path: 'reinitialiser', element: <ResetPasswordPage /> },
      { path: 'invitation', element: <AcceptInvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'inspirer', element: <MissionPage mission="inspire" /> },
          { path: 'rassembler', element: <MissionPage mission="gather" /> },
          { path: 'agir', element: <MissionPage mission="act" /> },
          { path: 'impact', element: <MissionPage mission="impact" /> },
          { path: 'annuaire', element: <OrganisationsPage /> },
          { path: 'annuaire/nouvelle', element: <CreateOrganisationPage /> },
          { path: 'annuaire/importer', element: <ImportPage /> },
          { path: 'annuaire/doublons', element: <DuplicatesPage /> },
          { path: 'annuaire/:id', element: <OrganisationPage /> },
          { path: 'annuaire/:id/modifier', element: <EditOrganisationPage /> },
          {
            path: 'administration',
            element: <RequireAdmin />,
            children: [
              { index: true, element: <AdminUsersPage /> },
              { path: 'inviter', element: <InviteUserPage /> },
              { path: 'courriels', element: <AdminOutboxPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
