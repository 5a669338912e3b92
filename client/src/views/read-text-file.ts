import { i18next } from '../i18n';
/** Reads a plain-text file with FileReader, reporting progress 0…1 (large files take a moment). */
export function readTextFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error(i18next.t('create.readFailed', { name: file.name, reason: reader.error?.message ?? '' })));
    reader.readAsText(file, 'utf-8');
  });
}

/** Reads a binary file (a .docx) as base64 for the JSON body of POST /api/sessions, reporting progress 0…1. */
export function readFileBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    // A data: URL is "data:<type>;base64,<data>": the browser does the encoding.
    reader.onload = () => resolve(String(reader.result ?? '').replace(/^[^,]*,/, ''));
    reader.onerror = () => reject(new Error(i18next.t('create.readFailed', { name: file.name, reason: reader.error?.message ?? '' })));
    reader.readAsDataURL(file);
  });
}
