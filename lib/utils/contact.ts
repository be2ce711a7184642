/**
 * Links a worker taps on a phone (issue 16): the address opens a map, the
 * number calls. No map script is loaded: the link opens OpenStreetMap's
 * search (or the phone's map application, which handles such links).
 */

/** An OpenStreetMap search for a postal address. */
export function mapsUrl(parts: { addressLine: string; postcode: string; city: string }): string {
  const query = `${parts.addressLine}, ${parts.postcode} ${parts.city}, France`;
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}

/** A stored French number ("0612345678", "+33612345678") as a tel: link in international form. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return `tel:${digits}`;
  if (digits.startsWith("0033")) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith("0") && digits.length === 10) return `tel:+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** "0612345678" → "06 12 34 56 78"; anything else as stored. */
export function formatPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (phone.startsWith("0") && digits.length === 10) return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
  return phone;
}
