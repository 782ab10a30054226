/**
 * mathjs, loaded on first use. Loading it costs over a second of start-up CPU, which the parser,
 * diff, the printers and most CLI commands never need.
 */
import { createRequire } from "node:module";

type MathjsModule = typeof import("mathjs");

let loaded: MathjsModule | null = null;

export function mathjs(): MathjsModule {
  loaded ??= createRequire(import.meta.url)("mathjs") as MathjsModule;
  return loaded;
}
