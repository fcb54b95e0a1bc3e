// Shared types of the nianbao engine. Pure data: no LSP or VS Code import anywhere under core/.
// All positions are UTF-16 code-unit offsets into the document text (JavaScript string indices),
// converted to LSP {line, character} by LineIndex.positionAt (same rules as TextDocument.positionAt).

export type Locale = 'zh-CN' | 'en';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type TemplateVersion = '2019' | '2021';

/** Half-open range [start, end) of UTF-16 offsets. */
export interface Span { start: number; end: number }

export interface TextEdit extends Span { newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without review (label wording, typos). Never true for arithmetic fixes. */
  preferred?: boolean;
}

export interface RelatedInfo extends Span {
  message: string;
  /** Set when the related place is in another report (its id, as given to checkWorkspace). */
  file?: string;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** For arithmetic findings: the computed and the printed value, as text. */
  expected?: string;
  actual?: string;
}

// ---------------------------------------------------------------- values

/** Exact decimal: value = units / 10^scale. */
export interface Dec { units: bigint; scale: number }

export type ValueKind = 'integer' | 'decimal' | 'blank' | 'slash' | 'dash' | 'unreadable';

export interface CellValue {
  kind: ValueKind;
  /** Source text of the cell (trimmed). */
  raw: string;
  /** Present for integer and decimal, and for a blank in a table that writes blanks for zeros (Table.blankZeros). */
  num?: Dec;
}

// ---------------------------------------------------------------- model

export interface Title extends Span {
  text: string;
  agency?: string;
  year?: number;
  hasSuffix: boolean;
}

export interface Heading extends Span {
  /** Source text of the heading line (trimmed). */
  text: string;
  /** Official wording for this section. */
  official: string;
  /**
   * True when the text is the official wording or a known variant (after width/space normalisation), numbered as the
   * template numbers it (三、).
   */
  exact: boolean;
  /** Found inside a line rather than at its start (collapsed web text). */
  inline: boolean;
  /** The number the heading's own numbering names (三、 三. 3、 第三部分 → 3); absent when it has none. */
  numbered?: number;
  /** The words after the numbering are the official wording or a known variant. */
  wordsExact?: boolean;
  /** Where the words start (after the numbering). */
  wordsAt?: number;
}

export interface SubHeading extends Span { text: string }

export interface Section extends Span {
  /** 1..6 */
  n: number;
  heading: Heading;
  /** Content after the heading line up to the next section. */
  body: Span;
  subheadings: SubHeading[];
}

export type TableId = 't2' | 't3' | 't4';
export type Layout = 'tab' | 'pipe' | 'space' | 'mixed';

export interface Cell extends Span {
  rowKey: string;
  colKey: string;
  value: CellValue;
}

export interface LabelMatch extends Span {
  /** Source text of the label span. */
  text: string;
  /** Similarity to the official label in [0,1]; 1 = same after normalisation. */
  similarity: number;
  /** True when the span is on one line and can be replaced safely. */
  singleLine: boolean;
  /** The label continues after the row's values (a wrapped PDF cell): a layout matter, not a typo. */
  wrapped?: boolean;
}

export interface Row {
  key: string;
  /** Official label ('' for 表四's single data row). */
  label: string;
  blockIndex: number;
  /** Where the row's label was found, if it was. */
  labelMatch?: LabelMatch;
  /** The row's values, one per template column, in template order. Empty when not located. */
  cells: Cell[];
  /** 'ok' = values located; 'unlocated' = label present but the cells could not be located; 'missing' = absent. */
  status: 'ok' | 'unlocated' | 'missing';
  /** Span of the whole row in the source (label + values), when located. */
  span?: Span;
}

export interface ColumnHeader {
  key: string;
  label: string;
  blockIndex: number;
  match?: LabelMatch;
}

export interface Table extends Span {
  id: TableId;
  layout: Layout;
  rows: Row[];
  columns: ColumnHeader[];
  /** Block captions of 表二 (第二十条第（一）项 …), where found. */
  captions: { blockIndex: number; official: string; match?: LabelMatch }[];
  /**
   * Row-group labels (三、本年度办理结果, （三）不予公开 …) found right before their group's first row; only those
   * found, as written (a misspelt one is a label-typo).
   */
  groups?: { official: string; match: LabelMatch }[];
  /** Value runs that matched no template row (stray numbers). */
  strayRuns: Span[];
  /** True when nothing of the table was found at all. */
  absent: boolean;
  /** The region searched for the table. */
  region: Span;
  /** Set when the table was found outside its own section (section heading missing). */
  orphan?: boolean;
  /** Columns of the template absent from every row of the table (the rows were read without them). */
  missingColumns?: { key: string; label: string; blockIndex: number }[];
  /** Rows whose cells ran together (collapsed web text) and were split where exactly one split fits. */
  recovered?: string[];
  /** Rows whose run-together cells admit several splits: left unread. */
  ambiguous?: string[];
  /** Where reading stopped in an oversized region (far more numbers than any template table). */
  truncatedAt?: number;
  /** Rows written one per line between pipes (Markdown, a crawler's flattened HTML): a blank cell is a cell. */
  pipeRows?: boolean;
  /**
   * The template variants the table was read with (template.json `variants`: the 2019 row （六）其他处理 in a 2021
   * 表三, the 法人或其他组织 小计 column); its rows, columns and relations are tableDef(version, id, variant)'s.
   */
  variant?: string[];
  /**
   * Set when the table writes blanks for zeros throughout (blank cells, not one 0 written, some number above 0): how
   * many blank cells there are; each counts as 0 (its value is blank with num 0) in the arithmetic and the figures.
   */
  blankZeros?: number;
}

export interface ReportModel {
  text: string;
  title?: Title;
  /** Sections in document order (may contain duplicates / out-of-order ones). */
  sections: Section[];
  /** Version detected from the table headers, or null. */
  template: TemplateVersion | null;
  /** The version the tables were read with: the detected one, else the one the title's year calls for, else 2021. */
  tableVersion: TemplateVersion;
  /** Marker strings that decided the version. */
  templateEvidence: { version: TemplateVersion; text: string; span: Span }[];
  tables: Partial<Record<TableId, Table>>;
}
