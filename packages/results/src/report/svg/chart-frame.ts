/** Size and margins shared by the report's charts (SVG user units = CSS pixels). */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The default frame: 900 × 260 with room for axis labels. */
export const WIDE_FRAME: ChartFrame = { width: 900, height: 260, left: 70, right: 16, top: 16, bottom: 28 };

/** Opening `<svg>` tag with explicit size, viewBox and an accessible label (already escaped by the caller). */
export function svgOpen(frame: ChartFrame, label: string, cls: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${label}">`;
}

/** A chart that has nothing to show: the frame with a centred message. */
export function emptyChart(frame: ChartFrame, label: string, cls: string): string {
  return `${svgOpen(frame, label, cls)}<rect x="0" y="0" width="${frame.width}" height="${frame.height}" fill="#fafafa"/><text x="${frame.width / 2}" y="${frame.height / 2}" text-anchor="middle" fill="#888">no data</text></svg>`;
}

/** A number rounded for SVG coordinates (2 decimals keeps files small and rendering exact enough). */
export function px(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}
