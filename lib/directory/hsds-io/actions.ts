'use server';

/**
 * The import page's server action, a public endpoint: it hands the uploaded file with the
 * current actor to the data layer (which asks the policy and checks the file), answers with a
 * redirect to the run's page, and runs the import after the response (Next's `after`), so
 * the page can show its progress. Refusals go back to the form as ?fel=<key>.
 */
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors/app-error';
import { APP_ERROR_KEYS } from '@/lib/forms/field-errors';
import { performHsdsImport, startHsdsImport } from './runs';

function localePrefix(formData: FormData): string {
  const locale = formData.get('locale');
  return locale === 'en' || locale === 'ar' ? `/${locale}` : '';
}

export async function startHsdsImportAction(formData: FormData): Promise<void> {
  const prefix = localePrefix(formData);
  const actor = await getActor();
  const file = formData.get('file');
  // An empty file field arrives as a nameless, empty part: no file was chosen.
  const upload =
    file instanceof File && file.size > 0
      ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : { name: '', bytes: new Uint8Array(0) };
  let started: Awaited<ReturnType<typeof startHsdsImport>>;
  try {
    started = await startHsdsImport(actor, upload);
  } catch (error) {
    if (!isAppError(error)) throw error;
    redirect(`${prefix}/admin/import?fel=${error.fieldErrors?.file?.[0] ?? APP_ERROR_KEYS[error.code]}`);
  }
  const actorId = actor.kind === 'user' ? actor.userId : null;
  after(() => performHsdsImport(started.runId, started.filePath, actorId));
  redirect(`${prefix}/admin/import/${started.runId}`);
}
