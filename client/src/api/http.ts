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
  if (res.status === 401) return 'Not signed in: open the link you were given (it carries your access token).';
  if (res.status === 403) return 'Your role does not allow this.';
  if (res.status === 404) return 'Not found: the session may have been removed or the link is wrong.';
  if (res.status === 413) return 'Too large for the server.';
  return text.slice(0, 300) || `The server answered ${res.status} ${res.statusText}.`;
}

export async function apiFetch<T>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'Cannot reach the Accord server. Check your connection and try again.');
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return (await res.json()) as T;
}
