import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Serves the built client; any other non-API GET gets index.html (the client routes itself). */
export function staticClient(clientDist: string): Router {
  const r = Router();
  const index = join(clientDist, 'index.html');
  r.use(express.static(clientDist, { index: false, maxAge: '1h' }));
  r.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/collab/') || !existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
