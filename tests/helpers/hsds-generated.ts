/**
 * A generated directory of any size as an HSDS JSON document or CSV datapackage, through
 * the same mapping as the export: for import tests and the import benchmark.
 */
import { tablesToCsvFiles, tablesToJson, zipFiles } from '@/lib/directory/hsds-io/formats';
import { modelToTables } from '@/lib/directory/hsds-io/mapping';
import type { DirectoryModel, ServiceM } from '@/lib/directory/hsds-io/model';

const pad = (n: number) => String(n).padStart(6, '0');

export function generatedDirectory(serviceCount: number): DirectoryModel {
  const organizationCount = Math.max(1, Math.ceil(serviceCount / 20));
  const categories = Array.from({ length: 8 }, (_, i) => ({
    id: `gen-category-${i}`,
    slug: `genererad-kategori-${i}`,
    name: `Genererad kategori ${i}`,
    description: 'Kategori för prov.',
    icon: 'hand',
    parentId: null,
    sortOrder: i,
    isActive: true,
    translations: [{ locale: 'en', fields: { name: `Generated category ${i}`, description: null } }],
  }));
  const services: ServiceM[] = Array.from({ length: serviceCount }, (_, i) => ({
    id: `gen-service-${pad(i)}`,
    organizationId: `gen-org-${pad(i % organizationCount)}`,
    slug: `genererad-tjanst-${i}`,
    name: `Genererad tjänst ${i}`,
    alternateName: null,
    summary: `Stödsamtal och rådgivning nummer ${i}, för dig som behöver någon att prata med.`,
    description: `En längre beskrivning av tjänst ${i}. Samtal, "drop-in" och råd, på svenska och arabiska.\nVälkommen!`,
    easyReadSummary: 'Här kan du prata med någon.',
    applicationProcess: 'Ring eller kom förbi.',
    eligibilityDescription: null,
    minimumAge: 16,
    maximumAge: null,
    isFree: true,
    feesDescription: null,
    email: `tjanst${i}@exempel.example`,
    url: null,
    status: i % 10 === 0 ? 'INACTIVE' : 'ACTIVE',
    keywords: ['samtal', 'stöd'],
    timezone: 'Europe/Stockholm',
    lastConfirmedAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-11-01T08:00:00.000Z',
    translations: [
      { locale: 'en', fields: { name: `Generated service ${i}`, summary: 'Support talks.', description: null, easyReadSummary: null, applicationProcess: null, eligibilityDescription: null, feesDescription: null } },
    ],
    categories: [{ categoryId: `gen-category-${i % 8}`, isPrimary: true }],
    targetGroupIds: [],
    attributes: [],
    languages: [
      { languageCode: 'ar', note: null },
      { languageCode: 'sv', note: null },
    ],
    municipalityIds: ['gen-municipality-1882'],
    atLocations: [{ id: `gen-sal-${pad(i)}`, locationId: `gen-location-${pad(i)}`, description: null }],
    schedules: [1, 3, 5].map((weekday) => ({
      id: `gen-schedule-${pad(i)}-${weekday}`,
      serviceAtLocationId: null,
      weekday,
      opensMinute: 600,
      closesMinute: 960,
      validFrom: null,
      validTo: null,
      description: null,
    })),
    exceptions: [],
    costOptions: [],
  }));
  return {
    municipalities: [{ id: 'gen-municipality-1882', code: '1882', name: 'Askersund', slug: 'askersund', regionName: 'Region Örebro län', isActive: true }],
    categories,
    targetGroups: [],
    attributes: [],
    organizations: Array.from({ length: organizationCount }, (_, i) => ({
      id: `gen-org-${pad(i)}`,
      kind: 'ASSOCIATION' as const,
      name: `Genererad förening ${i}`,
      slug: `genererad-forening-${i}`,
      description: 'En förening för prov.',
      email: null,
      phone: null,
      website: null,
      orgNumber: null,
      municipalityId: null,
      isActive: true,
      lastConfirmedAt: null,
      translations: [],
    })),
    locations: services.map((s, i) => ({
      id: `gen-location-${pad(i)}`,
      organizationId: s.organizationId,
      name: `Lokal ${i}`,
      description: null,
      addressLine1: `Storgatan ${i % 200}`,
      addressLine2: null,
      postalCode: '691 31',
      city: 'Karlskoga',
      municipalityId: 'gen-municipality-1882',
      latitude: 59.3,
      longitude: 14.5,
      isProtected: i % 50 === 0,
      accessibilityDescription: null,
      transportation: null,
    })).map((l) => (l.isProtected ? { ...l, addressLine1: null, postalCode: null, city: null, latitude: null, longitude: null, municipalityId: null } : l)),
    services,
    contacts: [],
    phones: services.map((s, i) => ({
      id: `gen-phone-${pad(i)}`,
      number: `0586-${pad(i)}`,
      kind: 'VOICE' as const,
      description: null,
      serviceId: s.id,
      organizationId: null,
      locationId: null,
      contactId: null,
    })),
  };
}

export const generatedJson = (serviceCount: number) => tablesToJson(modelToTables(generatedDirectory(serviceCount)));
export const generatedCsvZip = (serviceCount: number) => zipFiles(tablesToCsvFiles(modelToTables(generatedDirectory(serviceCount))));
