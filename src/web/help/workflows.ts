// The workflow definitions a help.md may document, by record type (`## 流程 foi_request`). A module
// that adds a workflow adds it here, and its help.md gets a section for it (help.unit.test.tsx fails
// while a module's workflow has none).
import type { WorkflowDef } from '../../shared/workflow.ts';
import { REPORT_WORKFLOW as ASSESSMENT_REPORT_WORKFLOW, SCHEME_WORKFLOW } from '../../shared/schemas/assessment.ts';
import { AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT_WORKFLOW } from '../../shared/schemas/audits.ts';
import { CATALOG_WORKFLOW, COMMENT_WORKFLOW, DECISION_WORKFLOW, PROCEDURE_WORKFLOW } from '../../shared/schemas/decisions.ts';
import { FOI_REPORT_WORKFLOW } from '../../shared/schemas/disclosure-report.ts';
import { DISCLOSURE_WORKFLOW } from '../../shared/schemas/disclosure.ts';
import { LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY_WORKFLOW, STUDY_SESSION_WORKFLOW } from '../../shared/schemas/education.ts';
import { CAMPAIGN_WORKFLOW, CASE_WORKFLOW, COMPLAINT_WORKFLOW, OFFICER_WORKFLOW, SUPERVISION_WORKFLOW } from '../../shared/schemas/enforcement.ts';
import { CONSULTATION_WORKFLOW, LEGAL_AID_WORKFLOW, NOTARIZATION_WORKFLOW, STATION_WORKFLOW } from '../../shared/schemas/legal-services.ts';
import { LITIGATION_WORKFLOW } from '../../shared/schemas/litigation.ts';
import { MATTER_WORKFLOW } from '../../shared/schemas/matters.ts';
import { DISPUTE_WORKFLOW } from '../../shared/schemas/mediation.ts';
import { CLEANUP_WORKFLOW, LEGAL_REVIEW_WORKFLOW, NORMDOC_WORKFLOW } from '../../shared/schemas/normative.ts';
import { TASK_WORKFLOW } from '../../shared/schemas/plans.ts';
import { PROPOSAL_WORKFLOW } from '../../shared/schemas/proposals.ts';
import { REVIEW_WORKFLOW } from '../../shared/schemas/reconsideration.ts';
import { REPORT_WORKFLOW } from '../../shared/schemas/reports.ts';
import { SERVICE_ITEM_WORKFLOW, SERVICE_RATING_WORKFLOW } from '../../shared/schemas/services.ts';
import { FINDING_WORKFLOW, NOTICE_WORKFLOW } from '../../shared/schemas/supervision.ts';

const ALL: readonly WorkflowDef[] = [
  ASSESSMENT_REPORT_WORKFLOW, SCHEME_WORKFLOW, AUDIT_FINDING_WORKFLOW, AUDIT_PROJECT_WORKFLOW, CATALOG_WORKFLOW, COMMENT_WORKFLOW, DECISION_WORKFLOW, PROCEDURE_WORKFLOW,
  FOI_REPORT_WORKFLOW, DISCLOSURE_WORKFLOW, LEGAL_LITERATE_WORKFLOW, MODEL_VILLAGE_WORKFLOW, PUFA_ACTIVITY_WORKFLOW, PUFA_DUTY_WORKFLOW, STUDY_SESSION_WORKFLOW,
  CAMPAIGN_WORKFLOW, CASE_WORKFLOW, COMPLAINT_WORKFLOW, OFFICER_WORKFLOW, SUPERVISION_WORKFLOW, CONSULTATION_WORKFLOW, LEGAL_AID_WORKFLOW, NOTARIZATION_WORKFLOW, STATION_WORKFLOW,
  LITIGATION_WORKFLOW, MATTER_WORKFLOW, DISPUTE_WORKFLOW, CLEANUP_WORKFLOW, LEGAL_REVIEW_WORKFLOW, NORMDOC_WORKFLOW, TASK_WORKFLOW, PROPOSAL_WORKFLOW, REVIEW_WORKFLOW,
  REPORT_WORKFLOW, SERVICE_ITEM_WORKFLOW, SERVICE_RATING_WORKFLOW, FINDING_WORKFLOW, NOTICE_WORKFLOW,
];

export const HELP_WORKFLOWS: ReadonlyMap<string, WorkflowDef> = new Map(ALL.map((def) => [def.recordType, def]));
