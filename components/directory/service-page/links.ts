import type { AddressLocationDto } from '@/lib/directory/service-page';

/** "Kungsgatan 12, 691 31 Karlskoga": the one-line postal address, or null without a street. */
export function addressLine(location: Pick<AddressLocationDto, 'addressLine1' | 'addressLine2' | 'postalCode' | 'city'>): string | null {
  if (!location.addressLine1) return null;
  const town = [location.postalCode, location.city].filter(Boolean).join(' ');
  return [location.addressLine1, location.addressLine2, town].filter(Boolean).join(', ');
}

/**
 * Directions on OpenStreetMap: to the coordinates when there are some, else a search for the
 * address. A link only: the page itself loads nothing from another host.
 */
export function directionsUrl(location: Pick<AddressLocationDto, 'latitude' | 'longitude' | 'addressLine1' | 'addressLine2' | 'postalCode' | 'city'>): string | null {
  if (location.latitude !== null && location.longitude !== null) {
    return `https://www.openstreetmap.org/directions?to=${location.latitude},${location.longitude}`;
  }
  const address = addressLine(location);
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : null;
}

/** A website address without the scheme and trailing slash, for reading ("example.se/hjalp"). */
export function readableUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
