import express from 'express';
import { apiRoutes, type ApiContext } from './api-routes.js';
import { errorHandler, sendError } from './errors.js';
import { staticClient } from './static-client.js';

export interface AppOptions extends ApiContext {
  clientDist?: string;
  jsonLimit: string;
}

/**
 * On every response. The built client has no inline script (client/index.html loads one module;
 * Vite emits it as a file); styles stay 'unsafe-inline' because the editor injects its own CSS.
 * No referrer: session links carry tokens.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function createApp(o: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  app.use('/api', express.json({ limit: o.jsonLimit }), apiRoutes(o));
  if (o.clientDist) app.use(staticClient(o.clientDist));
  app.use((_req, res) => sendError(res, 404, 'not-found', 'not found'));
  app.use(errorHandler);
  return app;
}
