// Public forms: what a module declares to let the public submit a record of its own without an
// account (kernel/public/), and what the portal reads and receives. The portal imports these types
// only (erased at build), never the code.
import type { RecordDef } from '../../../shared/records.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';
import type { Executor, Tx } from '../db/index.ts';
import type { Actor } from '../audit/index.ts';
import type { DataScope } from '../auth/scope.ts';
import type { Platform } from '../platform.ts';

/** One field of the record definition that the public form shows. */
export interface PublicFieldSpec {
  name: string;
  /** Required on the public form even where staff registration may leave it empty. */
  required?: boolean;
  /** A line under the field for the citizen (the definition's notes speak to staff). */
  hint?: string;
}

/** A statutory period the guide computes for an application submitted today. */
export interface GuidePeriod {
  /** Completes "如今天提交，最迟将于{due}前{action}". */
  action: string;
  rule: string;
  /** Counted from the due date of this earlier period (by index) instead of today. */
  after?: number;
}

export interface PublicFormDef {
  /** The address: /public/forms/{key}. */
  key: string;
  /** 行政复议申请 */
  title: string;
  record: RecordDef<any>;
  workflow: WorkflowDef;
  /** The definition's fields the form shows, in order (the unit field is asked separately). */
  fields: readonly PublicFieldSpec[];
  /** The unit the application is made to, and the units a citizen may choose. */
  unit: { field: string; hint?: string; choices(db: Executor): Promise<{ id: string; name: string }[]> };
  /**
   * The module's own create command, as at the window: the kernel gives the chosen unit, today as
   * the receipt date and a scope of exactly that unit; the module adds its channel (网上).
   */
  create(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: Record<string, unknown> & { unitId: string; receivedDate: string }): Promise<string>;
  /** Who may send documents to the applicant. */
  managePermission: string;
  /** The workflow's supplement (补正), if it has one: the request's transition, its state, and the transition an answer makes. */
  supplement?: { request: string; state: string; answer: string };
  /** Clocks the applicant sees, by key, with the name they are shown under. */
  clocks: Readonly<Record<string, string>>;
  /** Record columns holding dates the applicant sees, with their labels (受理, 答复…). */
  dates: readonly { column: string; label: string }[];
  periods: readonly GuidePeriod[];
  /** Files with the application (0: none). */
  attachments: { label: string; max: number; hint?: string };
  /** What the citizen sends, in the form's words: 申请 (the default) or, e.g., 意见; the button says 提交 + it. */
  what?: string;
}

// ---- What the portal reads -------------------------------------------------------------------

export interface PublicFieldView {
  name: string;
  kind: 'text' | 'longText' | 'enum' | 'idNumber' | 'phone' | 'date';
  label: string;
  required: boolean;
  max: number | null;
  options: [string, string][] | null;
  hint: string | null;
}

export interface PublicPeriodView {
  action: string;
  due: string;
  ruleName: string;
  citation: string;
  provisional: boolean;
}

export interface PublicFormView {
  key: string;
  title: string;
  unit: { name: string; label: string; hint: string | null; choices: { id: string; name: string }[] };
  fields: PublicFieldView[];
  attachments: { label: string; max: number; maxBytes: number; accept: string[]; hint: string | null };
  consent: string;
  /** 申请, 意见…: the submit button says 提交 + it, the receipt …已提交. */
  what: string;
  periods: PublicPeriodView[];
  /** Proof of work: leading zero bits of SHA-256(challenge:nonce). */
  powBits: number;
}

export interface PowChallenge {
  challenge: string;
  bits: number;
}

/** The answer to a submission: the tracking code and secret, shown once. */
export interface SubmittedView {
  code: string;
  secret: string;
  /** The tracking page's address with code and secret in its fragment (never sent to a server). */
  trackPath: string;
  /** SVG of a QR code of the tracking page's full address. */
  qrSvg: string;
  receivedDate: string;
  unitName: string;
  title: string;
}

export interface TrackView {
  code: string;
  title: string;
  unitName: string;
  status: string;
  final: boolean;
  dates: { label: string; date: string }[];
  clocks: { label: string; due: string; state: 'running' | 'paused' | 'stopped'; stoppedOn: string | null }[];
  /** The open or last supplement request: what staff asked for. */
  supplement: { requestedOn: string; note: string | null; open: boolean } | null;
  answers: { answeredOn: string; text: string; files: string[] }[];
  replies: { id: string; filename: string; size: number; releasedOn: string }[];
  /** What a supplement may carry. */
  upload: { max: number; maxBytes: number; accept: string[] };
}

/** The staff side: a record's online submission (or null when it came another way). */
export interface SubmissionCardView {
  id: string;
  code: string;
  form: string;
  submittedAt: string;
  canRelease: boolean;
  files: { id: string; filename: string; size: number; stage: 'application' | 'supplement' }[];
  answers: { answeredOn: string; text: string; files: { id: string; filename: string }[] }[];
  documents: { attachmentId: string; filename: string; uploadedAt: string; releasedAt: string | null }[];
}
