// Types of scripts/bundle-size.mjs, for the size test.

/** Bytes of minified code and of its gzip (level 9). */
export interface Size {
  min: number;
  gzip: number;
}

/** One measured entry point: a label and the import statement a user writes. */
export interface Entry {
  label: string;
  code: string;
}

export interface Measured {
  label: string;
  /** The code loaded up front. */
  eager: Size;
  /** The chunks loaded on demand (mathjs); 0 bytes when unreachable. */
  lazy: Size;
  /** The text of the entry chunk. */
  text: string;
}

/** A directory or module of dist/ in a bundle: its minified bytes and its marginal gzip bytes. */
export interface Part extends Size {
  name: string;
}

export interface Composition {
  total: Size;
  directories: Part[];
  modules: Part[];
}

export const ENTRIES: Entry[];
export function measure(entries?: Entry[]): Promise<Measured[]>;
export function composition(entry?: Entry): Promise<Composition>;
