// What the decision pages read from the public API (GET /api/v1/public/decision-…).
export const DECISIONS_PATH = '/public/decisions';
export const CATALOG_PATH = '/public/decisions/catalog';
export const COMMENT_PATH = '/public/decisions/comment';

export interface PublicCatalog {
  year: number;
  years: number[];
  publishedDate: string | null;
  items: { id: string; title: string; unitName: string; plannedDate: string | null; consentDate: string | null; added: { date: string | null; reason: string | null } | null; withdrawn: { date: string | null; reason: string | null } | null; progress: string }[];
}

export interface ConsultationSummary {
  id: string;
  title: string;
  unitName: string;
  commentStart: string;
  commentEnd: string;
  daysLeft: number | null;
  comments: number;
  summaryDate: string | null;
}

export interface Consultation {
  id: string;
  title: string;
  unitName: string;
  draftText: string | null;
  commentStart: string;
  commentEnd: string;
  shortReason: string | null;
  open: boolean;
  daysLeft: number | null;
  commentsReceived: number;
  events: { kind: string; date: string; participants: number }[];
  summary: { date: string; adopted: number; partly: number; rejected: number; items: { no: number; receivedDate: string; content: string; answer: string; reason: string | null }[] } | null;
  decision: { decidedDate: string; publishedDate: string | null; publication: string | null } | null;
}
