import { describe, expect, test } from 'vitest';
import { checkImageFile, maxImageBytes, sniffImageType } from './photo';

const bytes = (...xs: (number | string)[]) =>
  new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('photo checks', () => {
  test('recognises PNG, JPEG and WebP by their bytes', () => {
    expect(sniffImageType(bytes(0x89, 'PNG', 0x0d, 0x0a))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
  });

  test('refuses other files whatever their name says', () => {
    const others = [bytes('GIF89a'), bytes('%PDF-1.7'), bytes('<svg xmlns'), bytes('RIFF', 0, 0, 0, 0, 'WAVE'), bytes(), bytes(0x89, 'PN')];
    for (const head of others) {
      expect(sniffImageType(head)).toBeNull();
      expect(checkImageFile({ name: 'photo.png', size: 100 }, head)).toMatch(/is not a PNG, JPEG or WebP image/);
    }
  });

  test('refuses a photo over 5 MB with its size in the message', () => {
    expect(checkImageFile({ name: 'big.jpg', size: maxImageBytes + 1 }, bytes(0xff, 0xd8, 0xff))).toBe('"big.jpg" is 5.1 MB; photos can be at most 5 MB.');
    expect(checkImageFile({ name: 'ok.jpg', size: maxImageBytes }, bytes(0xff, 0xd8, 0xff))).toBeNull();
  });
});
