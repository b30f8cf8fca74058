import { createStatusTag } from '../../../components/status-tag.tsx';

/** Users are active or disabled (the `active` flag); the one place that says how each looks. */
export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];
export const userStatusOf = (u: { active: boolean }): UserStatus => (u.active ? 'active' : 'disabled');

export const UserStatusTag = createStatusTag<UserStatus>({
  active: { color: 'success', label: 'users.status.active' },
  disabled: { color: 'default', label: 'users.status.disabled' },
});
