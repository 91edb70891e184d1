import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImageType } from '@/lib/media/sniff';

const pixel = sharp({ create: { width: 2, height: 2, channels: 3, background: '#c0ffee' } });

describe('sniffImageType', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', async () => {
    expect(sniffImageType(await pixel.clone().jpeg().toBuffer())).toBe('image/jpeg');
    expect(sniffImageType(await pixel.clone().png().toBuffer())).toBe('image/png');
    expect(sniffImageType(await pixel.clone().webp().toBuffer())).toBe('image/webp');
  });

  it('goes by content, not by the name: a PNG called photo.jpg is a PNG', async () => {
    const file = new File([new Uint8Array(await pixel.clone().png().toBuffer())], 'photo.jpg', { type: 'image/jpeg' });
    expect(sniffImageType(new Uint8Array(await file.arrayBuffer()))).toBe('image/png');
  });

  it('refuses SVG and HTML whatever their name says', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    expect(sniffImageType(svg)).toBeNull();
    expect(sniffImageType(html)).toBeNull();
  });

  it('refuses other RIFF files, GIF, and files too short to tell', () => {
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImageType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});
