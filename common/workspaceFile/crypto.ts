import { base64ToBytes, bytesToBase64 } from '../export/fonts';
import type { EncryptionHeader } from './format';

/** PBKDF2 iterations for new files (OWASP's 2023 advice for PBKDF2-HMAC-SHA256). */
export const defaultIterations = 600_000;
/**
 * Bounds a file may ask for: below the minimum a file is refused (a tampered header must not weaken
 * the key derivation), above the maximum it is refused (a hostile file must not hang the app).
 */
export const iterationBounds = { min: 100_000, max: 5_000_000 } as const;

const encoder = new TextEncoder();

async function deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'],
  );
}

/**
 * The bytes authenticated alongside the ciphertext: the header fields in a fixed order, so changing
 * the iterations, salt or IV in the file makes decryption fail instead of quietly deriving another key.
 */
export function headerAad(type: string, version: number, h: EncryptionHeader): Uint8Array {
  return encoder.encode(JSON.stringify([type, version, h.kdf, h.iterations, h.salt, h.cipher, h.iv]));
}

/** Encrypts bytes with a key derived from a password; returns the header and ciphertext. */
export async function encryptBytes(plain: Uint8Array, password: string, type: string, version: number, iterations = defaultIterations): Promise<{ header: EncryptionHeader; data: string }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header: EncryptionHeader = { kdf: 'PBKDF2-SHA256', iterations, salt: bytesToBase64(salt), cipher: 'AES-GCM-256', iv: bytesToBase64(iv) };
  const key = await deriveKey(password, salt, iterations);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerAad(type, version, header) as BufferSource }, key, plain as BufferSource);
  return { header, data: bytesToBase64(new Uint8Array(sealed)) };
}

/**
 * Decrypts; `null` when the password is wrong or anything was tampered with (AES-GCM cannot tell the
 * two apart, and saying which would help an attacker).
 */
export async function decryptBytes(data: string, password: string, type: string, version: number, h: EncryptionHeader): Promise<Uint8Array | null> {
  try {
    const key = await deriveKey(password, base64ToBytes(h.salt), h.iterations);
    const iv = base64ToBytes(h.iv);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: headerAad(type, version, h) as BufferSource }, key, base64ToBytes(data) as BufferSource);
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
