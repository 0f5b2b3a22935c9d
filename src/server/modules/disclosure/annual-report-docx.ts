// The 政府信息公开工作年度报告 as an official document (kernel/documents/official.ts), its tables laid
// out as 国办公开办函〔2021〕30号 prints them (shared/disclosure-layout.ts).
import { blankLine, gridTable, headingParagraph, officialDocx, textParagraphs } from '../../kernel/documents/official.ts';
import { FOI_REPORT_TABLE_HEADINGS, type PublicFoiReportFull } from '../../../shared/schemas/disclosure-report.ts';
import { table2Grid, table3Grid, table4Grid } from '../../../shared/disclosure-layout.ts';

export function foiReportDocx(report: PublicFoiReportFull): Promise<Buffer> {
  const section = (key: string) => report.sections.find((s) => s.key === key)!;
  const [overview, problems, other] = [section('overview'), section('problems'), section('other')];
  const t = report.tables;
  return officialDocx({
    // A draft's tables still move with the records: the file says so.
    title: report.draft ? `${report.title}（未定稿）` : report.title,
    issuer: report.issuer,
    issuedDate: report.issuedDate,
    body: [
      headingParagraph(overview.heading, 1),
      ...textParagraphs(overview.text),
      ...textParagraphs(report.generated.overview),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table2, 1),
      ...textParagraphs(report.generated.table2),
      gridTable(table2Grid(t)),
      blankLine(),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table3, 1),
      ...textParagraphs(report.generated.table3),
      gridTable(table3Grid(t)),
      blankLine(),
      headingParagraph(FOI_REPORT_TABLE_HEADINGS.table4, 1),
      ...textParagraphs(report.generated.table4),
      gridTable(table4Grid(t)),
      blankLine(),
      headingParagraph(problems.heading, 1),
      ...textParagraphs(problems.text),
      headingParagraph(other.heading, 1),
      ...textParagraphs(report.generated.other),
      ...textParagraphs(other.text),
    ],
  });
}
