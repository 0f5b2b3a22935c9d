import type { RecordPages } from '../../components/pages.tsx';
import { SERVICE_ITEM, SERVICE_ITEM_WORKFLOW, SERVICE_RATING, SERVICE_RATING_WORKFLOW } from '../../../shared/schemas/services.ts';

export const ITEM_PAGES: RecordPages = { def: SERVICE_ITEM, workflow: SERVICE_ITEM_WORKFLOW, api: '/service-items', path: '/service-items', label: '政务服务事项清单' };
export const RATING_PAGES: RecordPages = { def: SERVICE_RATING, workflow: SERVICE_RATING_WORKFLOW, api: '/service-ratings', path: '/service-ratings', label: '好差评与差评整改' };
