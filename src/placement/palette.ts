/**
 * Signer colours: the same colour on a signer's fields and in the signers panel. Pure.
 * Each colour has a contrast of at least 4.5:1 on white (text and borders stay readable, WCAG AA)
 * and the hues are spread so neighbours in the list are easy to tell apart, also for the common
 * colour-vision deficiencies (blue / orange / green-teal / purple / red / brown alternate).
 */
export const SIGNER_COLORS: readonly string[] = [
  '#0b5cad', // blue
  '#a34700', // orange-brown
  '#0f7263', // teal
  '#7a3fb0', // purple
  '#b0243b', // red
  '#4f6b00', // olive
  '#a1267b', // magenta
  '#3d5570', // slate
];

/** The colour of the signer at `index` in the list (the palette repeats after eight signers). */
export function signerColor(index: number): string {
  const i = Number.isInteger(index) && index >= 0 ? index : 0;
  return SIGNER_COLORS[i % SIGNER_COLORS.length];
}

/** Up to two initials from the signer's names ("Marie Dupont" → "MD"), upper-cased; '' when no name. */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (s: string) => Array.from(s.trim())[0] ?? '';
  return (first(firstName) + first(lastName)).toLocaleUpperCase();
}
