// The importer's public data types and its one error.
import type { Kind } from '../core/model.js';
import type { RawRoadmap } from '../roadmap/schema.js';
import type { ListItem } from './events.js';

export interface ImportWarning {
  /** 1-based line of the Markdown source. */
  readonly line: number;
  readonly message: string;
}

export interface ImportOptions {
  /** The roadmap id (default: the file name's slug, else the title's). */
  readonly id?: string;
  /** Overrides the inferred kind. */
  readonly kind?: Kind;
  /** The source file's name, for the default id and title. */
  readonly fileName?: string;
}

export interface ImportResult {
  readonly roadmap: RawRoadmap;
  /** What could not be placed, or was placed by a guess the user should check. */
  readonly warnings: ImportWarning[];
  /**
   * What the import decided that is not a problem, one line each (line 0: the whole
   * file): a table of contents skipped, how many items were taken as done and why.
   */
  readonly notices: ImportWarning[];
  /** Characters repaired from UTF-8 misread as Mac Roman or Windows-1252. */
  readonly repaired: number;
}

/** The document holds nothing that could become a section. */
export class NothingToImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NothingToImportError';
  }
}

/** Records a warning at a 1-based source line. */
export type Warn = (line: number, message: string) => void;

/** What the stages that read list items share: where warnings go, and which list items were placed. */
export interface Ctx {
  readonly warn: Warn;
  readonly used: Set<ListItem>;
}
