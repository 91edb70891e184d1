import qrcode from 'qrcode-generator';

export interface QrDrawing {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** One SVG path covering every dark module. */
  path: string;
}

/** The white border a scanner needs around the code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4;

/**
 * A QR code for `text` as one SVG path, drawn from the module matrix rather than from the
 * library's markup so nothing is injected as HTML. Medium error correction survives a
 * creased or smudged printout. `text` must be ASCII (a URL's `href` always is): the
 * library's byte mode takes one byte per character.
 */
export function drawQrCode(text: string): QrDrawing {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      // One rectangle per horizontal run keeps the path short.
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: parts.join('') };
}
