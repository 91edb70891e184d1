/**
 * What the service form shows after a submission: message keys (per field path, e.g.
 * `schedules.3.closes`, or for the whole form) and the values as they were sent, so a refused
 * form keeps everything typed. Shared by the coordinator's editor and proposals.
 */
import type { ServiceFormErrorKey, ServiceFormValues } from './service-input';

export interface ServiceFormState {
  status: 'idle' | 'error';
  formError?: ServiceFormErrorKey;
  fieldErrors?: Record<string, ServiceFormErrorKey>;
  values?: ServiceFormValues;
  /** Changes with every answer, so the form draws its rows again from `values`. */
  nonce?: number;
}

export const IDLE_SERVICE_FORM: ServiceFormState = { status: 'idle' };
