import { useMemo } from 'react';
import QRCode from 'qrcode';

/** A QR code drawn locally as SVG (no image service, no data: URL). */
export default function QrCode({ text, label, size = 200 }: { text: string; label: string; size?: number }) {
  const { cells, count } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const dark: [number, number][] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) dark.push([col, row]);
    }
    return { cells: dark, count: modules.size };
  }, [text]);
  const quiet = 4;
  const extent = count + quiet * 2;
  const path = cells.map(([x, y]) => `M${x + quiet} ${y + quiet}h1v1h-1z`).join('');
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
      className="qr-code"
    >
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
