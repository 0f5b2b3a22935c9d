// What the library pages read from the public API (GET /api/v1/public/normative-docs…).
import { query } from '../../api.ts';
export type { PublicNormativeDoc, PublicNormativeLibrary, PublicNormativeText } from '../../../shared/schemas/normative.ts';

export const LIBRARY_PATH = '/public/normative-docs';
export interface LibraryFilter {
  q?: string;
  year?: string;
  unit?: string;
  status?: string;
  page?: string;
}
export const libraryUrl = (f: LibraryFilter) => `/public/normative-docs${query({ q: f.q || undefined, year: f.year || undefined, unit: f.unit || undefined, status: f.status || undefined, page: f.page || undefined })}`;
export const docUrl = (id: string) => `/public/normative-docs/${encodeURIComponent(id)}`;
