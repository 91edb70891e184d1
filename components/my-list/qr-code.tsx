'use client';

import { useMemo } from 'react';
import type { drawQrCode } from '@/lib/my-list/qr';

export type DrawQrCode = typeof drawQrCode;

interface QrCodeProps {
  url: string;
  label: string;
  /** The generator, once its module has loaded; until then the figure stays empty. */
  draw: DrawQrCode | null;
}

/** A QR code as inline SVG; `data-url` says what it encodes (the tests read it). */
export function QrCode({ url, label, draw }: QrCodeProps) {
  const drawing = useMemo(() => (draw ? draw(url) : null), [draw, url]);
  return (
    <figure className="handout-qr" data-url={url}>
      {drawing ? (
        <svg
          className="handout-qr__code"
          viewBox={`0 0 ${drawing.size} ${drawing.size}`}
          role="img"
          aria-label={label}
          shapeRendering="crispEdges"
        >
          <rect width={drawing.size} height={drawing.size} fill="#ffffff" />
          <path d={drawing.path} fill="#000000" />
        </svg>
      ) : null}
    </figure>
  );
}
