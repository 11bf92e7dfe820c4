// SPDX-License-Identifier: EUPL-1.2
// A bare room-broadcast server: what Intervisie is compared with (bench/compare/README.md).
// No validation, no storage: every text message a client sends goes, as it is, to everyone in
// its room (the sender included). Rooms are `/rooms/<name>`; `/healthz` answers 200.
// Like Intervisie: permessage-deflate off, 64 KiB messages at most, TCP_NODELAY.
//   node peer.mjs <port> [<ready-file>]
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 8090);
const rooms = new Map();

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'text/plain' });
  res.end(req.url === '/healthz' ? 'ok\n' : 'not found\n');
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 });

http.on('upgrade', (req, socket, head) => {
  const match = /^\/rooms\/([^/?]+)/.exec(req.url ?? '');
  if (!match) return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    socket.setNoDelay(true);
    const name = match[1];
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new Set()));
    room.add(ws);
    ws.on('message', (data, isBinary) => {
      for (const member of room) member.send(data, { binary: isBinary });
    });
    ws.on('close', () => {
      room.delete(ws);
      if (room.size === 0) rooms.delete(name);
    });
  });
});

http.listen(port, '127.0.0.1', () => {
  if (process.argv[3]) writeFileSync(process.argv[3], String(port));
});
