import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { DirectoryForm, type FieldSpec, type FormSection } from '@/components/admin/directory-form';
import { NotAllowed } from '@/components/admin/not-allowed';
import { CategoryIcon } from '@/components/icons/category-icon';
import { getPathname, Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { requireSignedIn } from '@/lib/auth/session';
import type { Actor } from '@/lib/authz/actor';
import { can } from '@/lib/authz/policy';
import { ICON_KEYS } from '@/lib/directory/icon-keys';
import {
  deleteAttributeAction,
  deleteCategoryAction,
  deleteMunicipalityAction,
  deleteTargetGroupAction,
  saveAttributeAction,
  saveCategoryAction,
  saveMunicipalityAction,
  saveTargetGroupAction,
} from '@/lib/directory/settings-actions';
import {
  getAttributeForAdmin,
  getCategoryForAdmin,
  getMunicipalityForAdmin,
  getTargetGroupForAdmin,
  listAttributesForAdmin,
  listCategoriesForAdmin,
  listMunicipalitiesForAdmin,
  listTargetGroupsForAdmin,
  type AttributeAdminItem,
  type CategoryAdminItem,
  type MunicipalityAdminItem,
  type TargetGroupAdminItem,
} from '@/lib/directory/settings-admin';
import { SETTING_DESCRIPTION_MAX_LENGTH, SETTING_NAME_MAX_LENGTH, settingsErrors } from '@/lib/directory/settings-schemas';
import { isAppError } from '@/lib/errors/app-error';
// The admin pages' tables and filters (.admin-table, .table-scroll, .admin-filter).
import '@/components/admin/thesaurus/thesaurus.css';

export type SettingsKind = 'categories' | 'attributes' | 'municipalities' | 'targetGroups';
type T = Awaited<ReturnType<typeof getTranslations<'AdminSettings'>>>;
type Item = CategoryAdminItem | AttributeAdminItem | MunicipalityAdminItem | TargetGroupAdminItem;

export const SETTINGS_PATHS: Record<SettingsKind, string> = {
  categories: '/admin/installningar/kategorier',
  attributes: '/admin/installningar/egenskaper',
  municipalities: '/admin/installningar/kommuner',
  targetGroups: '/admin/installningar/malgrupper',
};

const LOADERS = {
  categories: { list: listCategoriesForAdmin, get: getCategoryForAdmin, save: saveCategoryAction, remove: deleteCategoryAction },
  attributes: { list: listAttributesForAdmin, get: getAttributeForAdmin, save: saveAttributeAction, remove: deleteAttributeAction },
  municipalities: { list: listMunicipalitiesForAdmin, get: getMunicipalityForAdmin, save: saveMunicipalityAction, remove: deleteMunicipalityAction },
  targetGroups: { list: listTargetGroupsForAdmin, get: getTargetGroupForAdmin, save: saveTargetGroupAction, remove: deleteTargetGroupAction },
} as const;

const translationFields = (t: T, withDescription: boolean): FormSection[] =>
  (['en', 'ar'] as const).map((locale) => ({
    legend: t(locale === 'en' ? 'sections.translationsEn' : 'sections.translationsAr'),
    fields: [
      { name: `name_${locale}`, label: t(`fields.name_${locale}`), kind: 'text', lang: locale, maxLength: SETTING_NAME_MAX_LENGTH } satisfies FieldSpec,
      ...(withDescription ? [{ name: `description_${locale}`, label: t(`fields.description_${locale}`), kind: 'textarea', lang: locale, maxLength: SETTING_DESCRIPTION_MAX_LENGTH } satisfies FieldSpec] : []),
    ],
  }));

function sectionsFor(kind: SettingsKind, t: T, item: Item | null, categories: CategoryAdminItem[]): FormSection[] {
  const name: FieldSpec = { name: 'name', label: t('fields.name'), kind: 'text', required: true, maxLength: SETTING_NAME_MAX_LENGTH };
  const description: FieldSpec = { name: 'description', label: t('fields.description'), kind: 'textarea', maxLength: SETTING_DESCRIPTION_MAX_LENGTH };
  const sortOrder: FieldSpec = { name: 'sortOrder', label: t('fields.sortOrder'), hint: t('fields.sortOrderHint'), kind: 'text', inputMode: 'numeric', maxLength: 6 };
  const icon: FieldSpec = { name: 'icon', label: t('fields.icon'), hint: t('fields.iconHint'), kind: 'icon', options: ICON_KEYS.map((key) => ({ value: key, label: key })) };
  if (kind === 'categories') {
    const parents = categories.filter((c) => c.id !== item?.id);
    return [
      {
        fields: [
          name,
          description,
          icon,
          { name: 'parentId', label: t('fields.parentId'), kind: 'select', options: [{ value: '', label: t('fields.noParent') }, ...parents.map((c) => ({ value: c.id, label: c.name }))] },
          sortOrder,
          { name: 'isActive', label: t('fields.isActive'), hint: t('fields.isActiveHint'), kind: 'checkbox' },
        ],
      },
      ...translationFields(t, true),
    ];
  }
  if (kind === 'attributes') {
    return [
      {
        fields: [
          ...(item ? [] : [{ name: 'key', label: t('fields.key'), hint: t('fields.keyHint'), kind: 'text', maxLength: 40 } satisfies FieldSpec]),
          name,
          description,
          icon,
          { name: 'isFilter', label: t('fields.isFilter'), hint: t('fields.isFilterHint'), kind: 'checkbox' },
          sortOrder,
        ],
      },
      ...translationFields(t, true),
    ];
  }
  if (kind === 'municipalities') {
    return [
      {
        fields: [
          name,
          { name: 'code', label: t('fields.code'), hint: t('fields.codeHint'), kind: 'text', inputMode: 'numeric', maxLength: 4, required: true },
          { name: 'regionName', label: t('fields.regionName'), kind: 'text', required: true, maxLength: SETTING_NAME_MAX_LENGTH },
          { name: 'isActive', label: t('fields.isActive'), kind: 'checkbox' },
        ],
      },
    ];
  }
  return [{ fields: [name, sortOrder] }, ...translationFields(t, false)];
}

function initialOf(item: Item | null): Record<string, string | boolean> {
  if (!item) return { isActive: true, isFilter: true, sortOrder: '0' };
  const values: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(item)) {
    if (typeof value === 'string' || typeof value === 'boolean') values[key] = value;
    else if (typeof value === 'number') values[key] = String(value);
    else if (value === null) values[key] = '';
  }
  if ('translations' in item) {
    for (const locale of ['en', 'ar'] as const) {
      values[`name_${locale}`] = item.translations[locale].name ?? '';
      values[`description_${locale}`] = item.translations[locale].description ?? '';
    }
  }
  return values;
}

function SettingForm({ kind, locale, t, item, categories }: { kind: SettingsKind; locale: AppLocale; t: T; item: Item | null; categories: CategoryAdminItem[] }) {
  return (
    <DirectoryForm
      id={item ? 'andra' : 'ny'}
      action={LOADERS[kind].save}
      hidden={item ? { locale, id: item.id } : { locale }}
      sections={sectionsFor(kind, t, item, categories)}
      initial={initialOf(item)}
      messages={{ errorSummary: t('errorSummary'), errors: Object.fromEntries(settingsErrors.keys.map((key) => [key, t(`errors.${key}`)])), success: {} }}
      submit={item ? t('save') : t('create')}
      noIcon={kind === 'attributes' ? t('noIcon') : undefined}
    />
  );
}

/** How much uses a record: deletion is only offered when nothing does. */
function usageOf(kind: SettingsKind, item: Item, t: T): { text: string; isUsed: boolean } {
  if (kind === 'categories') {
    const c = item as CategoryAdminItem;
    return {
      text: t('usage.services', { count: c.serviceCount }) + t('usage.children', { count: c.childCount }) + t('usage.thesaurus', { count: c.thesaurusCount }),
      isUsed: c.serviceCount + c.childCount + c.thesaurusCount > 0,
    };
  }
  if (kind === 'municipalities') {
    const m = item as MunicipalityAdminItem;
    return { text: t('usage.uses', { count: m.useCount }), isUsed: m.useCount > 0 };
  }
  const count = (item as AttributeAdminItem | TargetGroupAdminItem).serviceCount;
  return { text: t('usage.services', { count }), isUsed: count > 0 };
}

function extraCells(kind: SettingsKind, item: Item, t: T): ReactNode[] {
  if (kind === 'categories') {
    const c = item as CategoryAdminItem;
    return [<CategoryIcon key="i" name={c.icon} className="setting-icon" />, c.parentName ?? '', String(c.sortOrder), c.isActive ? t('yes') : t('no')];
  }
  if (kind === 'attributes') {
    const a = item as AttributeAdminItem;
    return [a.icon ? <CategoryIcon key="i" name={a.icon} className="setting-icon" /> : '', a.key, a.isFilter ? t('yes') : t('no'), String(a.sortOrder)];
  }
  if (kind === 'municipalities') {
    const m = item as MunicipalityAdminItem;
    return [m.code, m.regionName, m.isActive ? t('yes') : t('no')];
  }
  return [String((item as TargetGroupAdminItem).sortOrder)];
}

const EXTRA_COLUMNS: Record<SettingsKind, ('icon' | 'parent' | 'sortOrder' | 'isActive' | 'key' | 'isFilter' | 'code' | 'region')[]> = {
  categories: ['icon', 'parent', 'sortOrder', 'isActive'],
  attributes: ['icon', 'key', 'isFilter', 'sortOrder'],
  municipalities: ['code', 'region', 'isActive'],
  targetGroups: ['sortOrder'],
};

async function allowedActor(locale: AppLocale, path: string): Promise<Actor | null> {
  const actor = await requireSignedIn(getPathname({ href: path, locale }));
  return can(actor, 'directory.settings', null) ? actor : null;
}

/** A settings list (categories, attributes, municipalities or target groups) with the form for a new one. */
export async function SettingsListPage({ kind, locale, query }: { kind: SettingsKind; locale: AppLocale; query: Record<string, string | string[] | undefined> }) {
  const actor = await allowedActor(locale, SETTINGS_PATHS[kind]);
  if (!actor) return <NotAllowed />;
  const [t, items, categories] = await Promise.all([
    getTranslations({ locale, namespace: 'AdminSettings' }),
    LOADERS[kind].list(actor) as Promise<Item[]>,
    kind === 'categories' ? listCategoriesForAdmin(actor) : Promise.resolve([]),
  ]);
  const done = query.klart === 'created' || query.klart === 'updated' ? query.klart : query.klart === 'deleted' ? 'deleted' : undefined;
  const deletedName = typeof query.namn === 'string' ? query.namn.slice(0, SETTING_NAME_MAX_LENGTH) : '';
  const failed = typeof query.fel === 'string' && settingsErrors.isKey(query.fel) ? query.fel : undefined;
  return (
    <div className="container info-page admin-page">
      <h1>{t(`${kind}.title`)}</h1>
      <p className="lead">{t(`${kind}.lead`)}</p>
      {done ? (
        <p className="form-success" role="status">
          {done === 'deleted' ? t('status.deleted', { name: deletedName }) : t(`status.${done}`)}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert">
          {t(`errors.${failed}`)}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('tableScrollLabel')} tabIndex={0}>
          <table className="admin-table">
            <caption className="visually-hidden">{t(`${kind}.caption`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                {EXTRA_COLUMNS[kind].map((column) => (
                  <th key={column} scope="col">
                    {t(`columns.${column}`)}
                  </th>
                ))}
                <th scope="col">{t('columns.usage')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} id={`rad-${item.id}`}>
                  <th scope="row">
                    <Link href={`${SETTINGS_PATHS[kind]}/${item.id}`} aria-label={t('edit', { name: item.name })}>
                      {item.name}
                    </Link>
                  </th>
                  {extraCells(kind, item, t).map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                  <td>{usageOf(kind, item, t).text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="ny-rubrik" className="form-section container--text">
        <h2 id="ny-rubrik">{t(`${kind}.newHeading`)}</h2>
        <SettingForm kind={kind} locale={locale} t={t} item={null} categories={categories} />
      </section>
    </div>
  );
}

/** One record's edit form, with deletion when nothing uses it. */
export async function SettingsEditPage({ kind, locale, id }: { kind: SettingsKind; locale: AppLocale; id: string }) {
  const actor = await allowedActor(locale, `${SETTINGS_PATHS[kind]}/${encodeURIComponent(id)}`);
  if (!actor) return <NotAllowed />;
  let item: Item;
  try {
    item = await (LOADERS[kind].get as (actor: Actor, id: unknown) => Promise<Item>)(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const [t, categories] = await Promise.all([getTranslations({ locale, namespace: 'AdminSettings' }), kind === 'categories' ? listCategoriesForAdmin(actor) : Promise.resolve([])]);
  const usage = usageOf(kind, item, t);
  return (
    <div className="container container--text info-page admin-page">
      <h1>{t(`${kind}.editTitle`, { name: item.name })}</h1>
      {'key' in item ? <p>{t('keyNote', { key: item.key })}</p> : 'slug' in item ? <p>{t('slugNote', { slug: item.slug })}</p> : null}
      <p>
        {t('columns.usage')}: {usage.text}
      </p>
      <SettingForm kind={kind} locale={locale} t={t} item={item} categories={categories} />
      <section aria-labelledby="ta-bort" className="form-section">
        <h2 id="ta-bort">{t('deleteHeading')}</h2>
        {usage.isUsed ? (
          <p>{t('inUseNote')}</p>
        ) : (
          <form action={LOADERS[kind].remove}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="id" value={item.id} />
            <button type="submit" className="button button--secondary">
              {t('delete', { name: item.name })}
            </button>
          </form>
        )}
      </section>
      <p className="back-link">
        <Link href={SETTINGS_PATHS[kind]}>{t('backToList')}</Link>
      </p>
    </div>
  );
}

/** The page title for the metadata of a settings page. */
export async function settingsTitle(kind: SettingsKind, locale: AppLocale): Promise<{ title: string; description: string }> {
  const t = await getTranslations({ locale, namespace: 'AdminSettings' });
  return { title: t(`${kind}.title`), description: t('description') };
}
