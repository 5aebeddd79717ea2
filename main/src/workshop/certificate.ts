import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

/** A self-signed TLS certificate for one workshop, and its SHA-256 fingerprint (hex). */
export interface WorkshopCertificate { key: string; cert: string; fingerprint: string }

/**
 * Creates a fresh self-signed certificate for the addresses the host listens on. A CA cannot sign
 * for a laptop's Wi-Fi address, so trust comes from the fingerprint in the join code instead.
 */
export async function createCertificate(addresses: readonly string[], now = new Date()): Promise<WorkshopCertificate> {
  const altNames = [
    { type: 2 as const, value: 'localhost' },
    ...['127.0.0.1', ...addresses].filter((a, i, all) => all.indexOf(a) === i).map((ip) => ({ type: 7 as const, ip })),
  ];
  const pems = await generate([{ name: 'commonName', value: 'CX Studio workshop' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 7 * 24 * 3600_000),
    extensions: [{ name: 'subjectAltName', altNames }],
  });
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}

/** SHA-256 fingerprint of a PEM certificate as lower-case hex without separators. */
export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();
}
