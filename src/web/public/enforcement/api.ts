// What the enforcement pages read from the public API (GET /api/v1/public/enforcement-bodies…).
export const ENFORCEMENT_PATH = '/public/enforcement';

export interface PublicBodySummary {
  id: string;
  name: string;
  kind: string;
  entrustedBy: string | null;
  unitName: string;
  town: boolean;
  powers: number;
  officers: number;
  listItems: number;
}

export interface PublicBody {
  id: string;
  name: string;
  kind: string;
  basis: string | null;
  entrustedBy: string | null;
  unitName: string;
  powers: { id: string; title: string; category: string; basis: string; delegatedBy: string | null; delegatedDate: string | null }[];
  lists: { list: string; title: string; items: { id: string; title: string; basis: string; conditions: string | null; publishedDate: string }[] }[];
  officers: { name: string; certificateNumber: string; validUntil: string; supervisor: boolean }[];
}

/** A disclosed enforcement decision (GET /api/v1/public/enforcement-decisions): a person's name masked. */
export interface PublicDecision {
  id: string;
  bodyId: string;
  bodyName: string;
  kind: string;
  party: string;
  basis: string | null;
  outcome: string | null;
  decision: string | null;
  penaltyAmountFen: number | null;
  /** 决定书文号 (decisions made before numbering have none). */
  decisionNumber: string | null;
  decidedDate: string | null;
  disclosedDate: string | null;
}

export interface PublicDecisionPage {
  items: PublicDecision[];
  total: number;
  page: number;
  pageSize: number;
}

export const DECISIONS_PATH = `${ENFORCEMENT_PATH}/decisions`;
