import { i18next } from '../i18n';

/** An API failure carrying the server's own message, so views can show it as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const msg = body.error ?? body.message;
    if (typeof msg === 'string' && msg) return msg;
    if (msg && typeof msg === 'object' && 'message' in msg) return String((msg as { message: unknown }).message);
  } catch {
    // not JSON: fall through to the raw text
  }
  if (res.status === 401) return i18next.t('api.unauthorized');
  if (res.status === 403) return i18next.t('api.forbidden');
  if (res.status === 404) return i18next.t('api.notFound');
  if (res.status === 413) return i18next.t('api.tooLarge');
  return text.slice(0, 300) || i18next.t('api.status', { status: res.status });
}

export async function apiFetch<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, i18next.t('api.unreachable'));
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return (await res.json()) as T;
}
