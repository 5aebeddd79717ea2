import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';

/**
 * Reads the certificate a TLS server presents without sending it anything, and returns it as PEM
 * when its SHA-256 matches the pin (from the join code); null otherwise.
 */
export function fetchPinnedCertificate(url: string, fingerprint: string, timeoutMs = 3000): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 443), rejectUnauthorized: false, servername: undefined, timeout: timeoutMs }, () => {
      const cert = socket.getPeerCertificate(true);
      socket.destroy();
      const seen = cert.fingerprint256?.replaceAll(':', '').toLowerCase();
      if (seen !== fingerprint || !cert.raw) return resolve(null);
      const b64 = cert.raw.toString('base64').match(/.{1,64}/g)?.join('\n') ?? '';
      resolve(`-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`);
    });
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(null));
  });
}

/** A loopback HTTP entry to a pinned TLS server. */
export interface PinnedProxy { url: string; close(): Promise<void> }

/**
 * Lets the renderer reach a workshop server whose certificate is self-signed, without weakening
 * Chromium's TLS checks (no certificate-error override): the renderer speaks plain HTTP to this
 * loopback proxy, and the proxy speaks TLS to the host trusting exactly the pinned certificate as
 * its only CA. A random path prefix keeps other local programs from using it by guessing the port.
 */
export async function startPinnedProxy(target: string, pem: string): Promise<PinnedProxy> {
  const secret = randomBytes(12).toString('hex');
  const agent = new Agent({ ca: pem, keepAlive: true, maxSockets: 16, checkServerIdentity: () => undefined });
  const upstream = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (!path.startsWith(`/${secret}/`) && path !== `/${secret}`) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not_found","reason":"Database does not exist."}');
      return;
    }
    const { host: _host, connection: _connection, ...headers } = req.headers;
    const forwarded = request(
      { protocol: 'https:', hostname: upstream.hostname, port: upstream.port, path: path.slice(secret.length + 1) || '/', method: req.method, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":"unavailable","reason":"The workshop host cannot be reached."}');
    });
    res.on('close', () => forwarded.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${secret}`,
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
