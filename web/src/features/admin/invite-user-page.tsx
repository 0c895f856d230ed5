import { Alert, Anchor, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ROLES, RoleSchema, type Role } from '../../../../src/contracts/session.ts';
import { useFormat } from '../../lib/format.ts';
import { problemFieldErrors, problemMessage } from '../../lib/problem-message.ts';
import { useMe } from '../auth/queries.ts';
import { AdminFrame } from './admin-frame.tsx';
import { OrganisationSelect } from './organisation-select.tsx';
import { useInvite } from './queries.ts';

type Errors = Partial<Record<'email' | 'role' | 'organisationId', string>>;

/** `/administration/inviter`: sends an invitation link by e-mail. */
export function InviteUserPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const invite = useInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  // Only a network admin may create another network admin.
  const roles = ROLES.filter((item) => item !== 'network_admin' || me.data?.user.role === 'network_admin');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!z.email().safeParse(email.trim()).success) found.email = t('validation.email');
    if (role === 'member' && !organisationId) found.organisationId = t('validation.organisationRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    invite.mutate(
      { email: email.trim(), role, ...(role === 'member' && organisationId ? { organisationId } : {}) },
      {
        onSuccess: () => {
          setEmail('');
          setOrganisationId(null);
        },
        onError: (error) => setErrors(problemFieldErrors(error, i18n.language)),
      },
    );
  };

  return (
    <AdminFrame title={t('admin.invite.title')} intro={t('admin.invite.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={560}>
          {invite.isSuccess && (
            <Alert color="green" role="status" title={t('admin.invite.sentTitle')}>
              <Text fz="sm">
                {t('admin.invite.sent', {
                  email: invite.data.email,
                  date: format.date(invite.data.expiresAt),
                })}{' '}
                <Anchor component={Link} to="/administration/courriels" fz="sm">
                  {t('admin.invite.seeOutbox')}
                </Anchor>
              </Text>
            </Alert>
          )}
          {invite.isError && (
            <Alert color="red" role="alert">
              {problemMessage(invite.error, t, i18n.language)}
            </Alert>
          )}
          <TextInput
            label={t('admin.invite.email')}
            type="email"
            required
            value={email}
            error={errors.email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <NativeSelect
            label={t('admin.invite.role')}
            required
            value={role}
            error={errors.role}
            data={roles.map((item) => ({ value: item, label: t(`roles.${item}`) }))}
            onChange={(event) => {
              const parsed = RoleSchema.safeParse(event.currentTarget.value);
              if (parsed.success) setRole(parsed.data);
            }}
          />
          {role === 'member' && (
            <OrganisationSelect
              value={organisationId}
              error={errors.organisationId}
              onChange={setOrganisationId}
            />
          )}
          <Button type="submit" loading={invite.isPending} w="fit-content">
            {t('admin.invite.submit')}
          </Button>
        </Stack>
      </form>
    </AdminFrame>
  );
}
