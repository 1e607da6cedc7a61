/** A block's colours as inline styles: FullCalendar's own CSS would win over utility classes. */
export type BlockColors = { backgroundColor: string; borderColor: string; textColor: string };

/** Tasks without a project (the Inbox) keep the app's indigo. */
export const INBOX_COLOR = "#4f46e5";
// Pure black: with white, it guarantees at least 4.5:1 on any background (a dark slate would not).
const DARK_TEXT = "#000000";
const LIGHT_TEXT = "#ffffff";

/** WCAG relative luminance of "#RRGGBB"; null for anything else. */
export function relativeLuminance(hex: string): number | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = Number.parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two luminances, as WCAG defines it (1 to 21). */
export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Text on a project's colour: white or near-black, whichever reads better, so any colour a
 * person picks stays legible (and passes the accessibility check).
 */
export function readableTextColor(background: string): string {
  const lum = relativeLuminance(background);
  if (lum === null) return LIGHT_TEXT;
  return contrastRatio(lum, 1) >= contrastRatio(lum, relativeLuminance(DARK_TEXT) ?? 0) ? LIGHT_TEXT : DARK_TEXT;
}

/** A task block in its project's colour ("#RRGGBB"), or the Inbox colour. */
export function projectBlockColors(color: string | null): BlockColors {
  const background = color && relativeLuminance(color) !== null ? color : INBOX_COLOR;
  return { backgroundColor: background, borderColor: background, textColor: readableTextColor(background) };
}
