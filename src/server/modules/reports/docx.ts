// The report as an official document (kernel/documents/official.ts): its sections' headings and text.
import { headingParagraph, officialDocx, paragraphsOf } from '../../kernel/documents/official.ts';
import type { PublicReport } from '../../../shared/schemas/reports.ts';

export const reportDocx = (report: PublicReport & { sections: NonNullable<PublicReport['sections']> }): Promise<Buffer> =>
  officialDocx({ ...report, body: report.sections.flatMap((s) => [headingParagraph(s.heading, s.level), ...paragraphsOf(s.html)]) });
