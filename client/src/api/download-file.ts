import { i18next } from '../i18n';
import { ApiError } from './http';

/** `attachment; filename=compare-rev_x-live.html` → `compare-rev_x-live.html`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename=("?)([^";]+)\1/i.exec(disposition);
  return plain ? plain[2].trim() : fallback;
}

/**
 * Downloads a file the server makes (an export, a comparison). Fetched with the token in the
 * header (a plain link could not carry it), then handed to the browser as a file download; resolves
 * to the file's name.
 */
export async function downloadFile(url: string, token: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiError(0, i18next.t('api.unreachable'));
  }
  if (!res.ok) throw new ApiError(res.status, i18next.t('api.downloadFailed', { status: res.status }));
  const name = attachmentName(res.headers.get('Content-Disposition'), fallbackName);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
