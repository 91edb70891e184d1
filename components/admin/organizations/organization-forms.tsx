import { getTranslations } from 'next-intl/server';
import { DirectoryForm, type FieldSpec, type FormSection } from '@/components/admin/directory-form';
import type { AppLocale } from '@/i18n/routing';
import { createOrganizationAction, saveLocationAction, updateOrganizationAction, updateOrganizationProfileAction } from '@/lib/directory/organization-actions';
import type { LocationItem, MunicipalityChoice, OrganizationDetail } from '@/lib/directory/organization-editor';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, ORGANIZATION_KINDS, organizationErrors, PUBLISHING_MODES, SHORT_TEXT_MAX_LENGTH } from '@/lib/directory/organization-schemas';

type T = Awaited<ReturnType<typeof getTranslations<'AdminOrganizations'>>>;

const messagesOf = (t: T) => ({
  errorSummary: t('errorSummary'),
  errors: Object.fromEntries(organizationErrors.keys.map((key) => [key, t(`errors.${key}`)])),
  success: {},
});

function profileSections(t: T): FormSection[] {
  return [
    {
      legend: t('sections.contact'),
      fields: [
        { name: 'description', label: t('fields.description'), kind: 'textarea', maxLength: DESCRIPTION_MAX_LENGTH },
        { name: 'email', label: t('fields.email'), kind: 'email', maxLength: SHORT_TEXT_MAX_LENGTH, autoComplete: 'off' },
        { name: 'phone', label: t('fields.phone'), kind: 'tel', maxLength: 40 },
        { name: 'website', label: t('fields.website'), hint: t('fields.websiteHint'), kind: 'url', maxLength: SHORT_TEXT_MAX_LENGTH },
      ],
    },
  ];
}

function translationSections(t: T, withName: boolean): FormSection[] {
  return (['en', 'ar'] as const).map((locale) => ({
    legend: t(locale === 'en' ? 'sections.translationsEn' : 'sections.translationsAr'),
    fields: [
      ...(withName ? [{ name: `name_${locale}`, label: t(`fields.name_${locale}`), hint: t('fields.translationHint'), kind: 'text', lang: locale, maxLength: NAME_MAX_LENGTH } satisfies FieldSpec] : []),
      { name: `description_${locale}`, label: t(`fields.description_${locale}`), hint: t('fields.translationHint'), kind: 'textarea', lang: locale, maxLength: DESCRIPTION_MAX_LENGTH } satisfies FieldSpec,
    ],
  }));
}

const municipalityOptions = (t: T, municipalities: MunicipalityChoice[], none: string) => [
  { value: '', label: none },
  ...municipalities.map((m) => ({ value: m.id, label: m.isActive ? m.name : `${m.name} (${t('activity.inactive')})` })),
];

const initialOf = (o: OrganizationDetail | null): Record<string, string | boolean> =>
  o
    ? {
        kind: o.kind,
        name: o.name,
        description: o.description,
        email: o.email ?? '',
        phone: o.phone ?? '',
        website: o.website ?? '',
        orgNumber: o.orgNumber ?? '',
        municipalityId: o.municipalityId ?? '',
        newsPublishingMode: o.newsPublishingMode,
        name_en: o.translations.en.name ?? '',
        description_en: o.translations.en.description ?? '',
        name_ar: o.translations.ar.name ?? '',
        description_ar: o.translations.ar.description ?? '',
      }
    : { kind: 'ASSOCIATION', newsPublishingMode: 'MEMBERS_PUBLISH' };

/** Every field of an organisation, for the coordinator: a new one (organization null) or a change. */
export async function OrganizationForm({ locale, organization, municipalities }: { locale: AppLocale; organization: OrganizationDetail | null; municipalities: MunicipalityChoice[] }) {
  const t = await getTranslations({ locale, namespace: 'AdminOrganizations' });
  const sections: FormSection[] = [
    {
      legend: t('sections.basics'),
      fields: [
        { name: 'name', label: t('fields.name'), kind: 'text', required: true, maxLength: NAME_MAX_LENGTH },
        { name: 'kind', label: t('fields.kind'), kind: 'select', required: true, options: ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
        { name: 'municipalityId', label: t('fields.municipalityId'), hint: t('fields.municipalityHint'), kind: 'select', options: municipalityOptions(t, municipalities, t('fields.noMunicipality')) },
        { name: 'orgNumber', label: t('fields.orgNumber'), hint: t('fields.orgNumberHint'), kind: 'text', maxLength: 20, inputMode: 'numeric' },
        { name: 'newsPublishingMode', label: t('fields.newsPublishingMode'), kind: 'select', options: PUBLISHING_MODES.map((m) => ({ value: m, label: t(`publishingModes.${m}`) })) },
      ],
    },
    ...profileSections(t),
    ...translationSections(t, true),
  ];
  return (
    <DirectoryForm
      id="organisation"
      action={organization ? updateOrganizationAction : createOrganizationAction}
      hidden={organization ? { locale, id: organization.id } : { locale }}
      sections={sections}
      initial={initialOf(organization)}
      messages={messagesOf(t)}
      submit={organization ? t('save') : t('create')}
    />
  );
}

/** The profile texts an association admin may change on their own organisation. */
export async function OrganizationProfileForm({ locale, organization }: { locale: AppLocale; organization: OrganizationDetail }) {
  const t = await getTranslations({ locale, namespace: 'AdminOrganizations' });
  return (
    <DirectoryForm
      id="profil"
      action={updateOrganizationProfileAction}
      hidden={{ locale, id: organization.id }}
      sections={[...profileSections(t), ...translationSections(t, false)]}
      initial={initialOf(organization)}
      messages={messagesOf(t)}
      submit={t('save')}
    />
  );
}

/** A location of the organisation: a new one (location null) or a change. */
export async function LocationForm({ locale, organizationId, location, municipalities }: { locale: AppLocale; organizationId: string; location: LocationItem | null; municipalities: MunicipalityChoice[] }) {
  const t = await getTranslations({ locale, namespace: 'AdminOrganizations' });
  const field = (name: keyof LocationItem & string, kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, label: t(`location.${name}` as 'location.name'), kind, ...extra });
  const sections: FormSection[] = [
    {
      fields: [
        field('name', 'text', { required: true, maxLength: NAME_MAX_LENGTH }),
        field('isProtected', 'checkbox', { hint: t('location.isProtectedHint') }),
        field('addressLine1', 'text', { maxLength: SHORT_TEXT_MAX_LENGTH }),
        field('addressLine2', 'text', { maxLength: SHORT_TEXT_MAX_LENGTH }),
        field('postalCode', 'text', { hint: t('location.postalCodeHint'), maxLength: 10, inputMode: 'numeric' }),
        field('city', 'text', { maxLength: 100 }),
        field('municipalityId', 'select', { options: municipalityOptions(t, municipalities, t('fields.noMunicipality')) }),
        field('latitude', 'text', { hint: t('location.coordinatesHint'), inputMode: 'decimal', maxLength: 14 }),
        field('longitude', 'text', { hint: t('location.coordinatesHint'), inputMode: 'decimal', maxLength: 14 }),
        field('description', 'textarea', { maxLength: 1000 }),
        field('accessibilityDescription', 'textarea', { maxLength: 1000 }),
        field('transportation', 'textarea', { maxLength: 1000 }),
      ],
    },
  ];
  const initial: Record<string, string | boolean> = location
    ? {
        name: location.name,
        isProtected: location.isProtected,
        addressLine1: location.addressLine1 ?? '',
        addressLine2: location.addressLine2 ?? '',
        postalCode: location.postalCode ?? '',
        city: location.city ?? '',
        municipalityId: location.municipalityId ?? '',
        latitude: location.latitude === null ? '' : String(location.latitude),
        longitude: location.longitude === null ? '' : String(location.longitude),
        description: location.description ?? '',
        accessibilityDescription: location.accessibilityDescription ?? '',
        transportation: location.transportation ?? '',
      }
    : {};
  return (
    <DirectoryForm
      id={location ? `plats-${location.id}-form` : 'ny-plats'}
      action={saveLocationAction}
      hidden={location ? { locale, id: organizationId, locationId: location.id } : { locale, id: organizationId }}
      sections={sections}
      initial={initial}
      messages={messagesOf(t)}
      submit={location ? t('saveLocation') : t('addLocation')}
    />
  );
}
