/** The blocks an audit report is made of, shared by the PDF and the DOCX renderers. */
export interface BlockColumn {
  title: string;
  /** Share of the page width; a table's shares add up to 1. */
  width: number;
  align?: 'left' | 'right';
}

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean; bold?: boolean }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'table'; columns: BlockColumn[]; rows: string[][] }
  | { kind: 'finding'; title: string; fields: [string, string][] };

export interface ReportCover {
  certificationBodyName: string;
  title: string;
  subtitle: string;
  clientName: string;
  facts: [string, string][];
  status: string;
  /** Counts shown on the cover: nonconformities, opportunities, the recommendation. */
  outcome: [string, string][];
}

export interface ReportDocument {
  cover: ReportCover;
  blocks: ReportBlock[];
  /** The running header of every page after the cover. */
  runningHeader: string;
  footer: string;
  fileStem: string;
  draft: boolean;
}
