import { i18next } from '../i18n';
import { apiFetch } from './http';

/** A group of delegations (docs/api.md "Groups"): members are participant ids. */
export interface GroupView {
  id: string;
  name: string;
  members: string[];
  memberNames: string[];
}

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/groups`;

export function listGroups(sessionId: string, token: string): Promise<GroupView[]> {
  return apiFetch<GroupView[]>(base(sessionId), token);
}

export function createGroup(sessionId: string, input: { name: string; members?: string[] }, token: string): Promise<GroupView> {
  return apiFetch(base(sessionId), token, { method: 'POST', body: JSON.stringify(input) });
}

export function updateGroup(sessionId: string, groupId: string, input: { name?: string; members?: string[] }, token: string): Promise<GroupView> {
  return apiFetch(`${base(sessionId)}/${encodeURIComponent(groupId)}`, token, { method: 'PUT', body: JSON.stringify(input) });
}

export async function deleteGroup(sessionId: string, groupId: string, token: string): Promise<void> {
  const res = await fetch(`${base(sessionId)}/${encodeURIComponent(groupId)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok && res.status !== 404) throw new Error(i18next.t('api.status', { status: res.status }));
}
