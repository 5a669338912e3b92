import express from 'express';
import { apiRoutes, type ApiContext } from './api-routes.js';
import { errorHandler, sendError } from './errors.js';
import { staticClient } from './static-client.js';

export interface AppOptions extends ApiContext {
  clientDist?: string;
  jsonLimit: string;
}

export function createApp(o: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', express.json({ limit: o.jsonLimit }), apiRoutes(o));
  if (o.clientDist) app.use(staticClient(o.clientDist));
  app.use((_req, res) => sendError(res, 404, 'not-found', 'not found'));
  app.use(errorHandler);
  return app;
}
