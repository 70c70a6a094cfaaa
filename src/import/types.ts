// The importer's public data types and its one error.
import type { Kind } from '../core/model.js';
import type { RawRoadmap } from '../roadmap-schema.js';

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
  readonly warnings: ImportWarning[];
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
