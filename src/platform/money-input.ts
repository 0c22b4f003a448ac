/**
 * Reads an amount in euros as people type it, in Dutch or English style: "1600", "1.600", "1600,50",
 * "€ 1.600,50", "1,600.50". Returns whole cents, or null when it is not an amount.
 */
export function parseEuroAmount(input: string): number | null {
  const compact = input.replace(/[€\s]/g, '').replace(/^eur/i, '');
  if (!/^\d[\d.,]*$/.test(compact) || compact.length > 15) return null;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  let decimalSeparator: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSeparator = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const parts = compact.split(separator);
    // One separator followed by exactly three digits groups thousands ("1.600"); otherwise it marks cents.
    const groupsThousands = parts.length > 2 || parts[parts.length - 1]!.length === 3;
    decimalSeparator = groupsThousands ? null : separator;
  }
  const [whole = '', fraction = ''] = decimalSeparator ? compact.split(decimalSeparator) : [compact];
  const digits = whole.replace(/[.,]/g, '');
  if (decimalSeparator && (fraction.length === 0 || fraction.length > 2 || /[.,]/.test(fraction)))
    return null;
  if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return null;
  return Number(digits) * 100 + Number(fraction.padEnd(2, '0') || '0');
}
