// The floor: a bare WebSocket relay. Every message goes unchanged to every other client in the
// same room (URL path); no state, no parsing, no storage.
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
const server = http.createServer((_req, res) => res.end('relay'));

server.on('upgrade', (req, socket, head) => {
  socket.on('error', () => socket.destroy());
  wss.handleUpgrade(req, socket, head, (ws) => {
    const room = (req.url ?? '/').split('?')[0];
    let peers = rooms.get(room);
    if (!peers) rooms.set(room, (peers = new Set()));
    peers.add(ws);
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      for (const p of peers) if (p !== ws && p.readyState === p.OPEN) p.send(data, { binary: isBinary });
    });
    ws.on('close', () => {
      peers.delete(ws);
      if (peers.size === 0) rooms.delete(room);
    });
  });
});

server.listen(port, host);
