// The README's REPL transcript is the one the CLI test replays.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

it("README shows the replayed REPL transcript verbatim", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const transcript = readFileSync(new URL("./repl-transcript.txt", import.meta.url), "utf8");
  expect(readme).toContain("```text\n" + transcript + "```");
});
