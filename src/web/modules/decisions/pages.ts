import type { RecordPages } from '../../components/pages.tsx';
import { CATALOG_ITEM, CATALOG_WORKFLOW, COMMENT, COMMENT_WORKFLOW, DECISION, DECISION_WORKFLOW } from '../../../shared/schemas/decisions.ts';

export const CATALOG_PAGES: RecordPages = { def: CATALOG_ITEM, workflow: CATALOG_WORKFLOW, api: '/decision-catalog', path: '/decision-catalog', label: '决策事项目录' };
export const DECISION_PAGES: RecordPages = { def: DECISION, workflow: DECISION_WORKFLOW, api: '/decisions', path: '/decisions', label: '重大行政决策' };
export const COMMENT_PAGES: RecordPages = { def: COMMENT, workflow: COMMENT_WORKFLOW, api: '/decision-comments', path: '/decision-comments', label: '公众意见处理' };
