// What the service list page reads from the public API (GET /api/v1/public/service-items).
import { query } from '../../api.ts';
export type { PublicServiceItem, PublicServiceList } from '../../../shared/schemas/services.ts';

export const SERVICES_PATH = '/public/services';
export const RATE_PATH = '/public/services/rate';
export interface ServiceFilter {
  q?: string;
  unit?: string;
  page?: string;
}
export const servicesUrl = (f: ServiceFilter) => `/public/service-items${query({ q: f.q || undefined, unit: f.unit || undefined, page: f.page || undefined })}`;
