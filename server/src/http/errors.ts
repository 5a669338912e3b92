import type { ErrorRequestHandler, Response } from 'express';

/** An error the client caused or should know about; becomes {error: {code, message}}. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** Last middleware: known errors keep their status, body-parser errors theirs, the rest are 500. */
export const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (res.headersSent) return;
  if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
  const e = err as { status?: number; type?: string; message?: string };
  if (e.type === 'entity.too.large') return sendError(res, 413, 'too-large', 'request body too large');
  if (e.type === 'entity.parse.failed') return sendError(res, 400, 'bad-json', 'request body is not valid JSON');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendError(res, e.status, 'bad-request', e.message ?? 'bad request');
  console.error('Accord: request failed', err);
  sendError(res, 500, 'internal', 'internal server error');
};
