/**
 * The built CLI in a real pseudo-terminal: a tmux server of its own per session (its own socket),
 * keys typed with `send-keys`, the screen read with `capture-pane`. Waits poll the screen with a
 * deadline instead of sleeping for a fixed time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAIN, ROOT } from "./support.js";

/** True when tmux can be run here. */
export function hasTmux(): boolean {
  return spawnSync("tmux", ["-V"], { encoding: "utf8" }).status === 0;
}

let counter = 0;

/** The tmux configuration of the test servers: panes stay after their program ends. */
const TMUX_CONF = join(mkdtempSync(join(tmpdir(), "symgrad-tmux-")), "tmux.conf");
writeFileSync(TMUX_CONF, "set-option -g remain-on-exit on\n");

/** What the shell prints after the program ends (`[symgrad exited 0]`), and its own line on the screen. */
const EXIT_WORDS = "symgrad exited";
const EXIT_LINE = new RegExp(`^\\[${EXIT_WORDS} (\\d+)\\]$`, "m");

function signalName(n: number): string | undefined {
  return ({ 1: "SIGHUP", 2: "SIGINT", 9: "SIGKILL", 15: "SIGTERM" } as Record<number, string>)[n];
}

export class Terminal {
  private readonly socket = `symgrad-test-${process.pid}-${counter++}`;

  /** Starts `symgrad` (no arguments: the REPL) in a terminal of `width` columns and `height` lines. */
  constructor(env: Record<string, string> = {}, width = 200, height = 50) {
    const vars = { NO_COLOR: "1", SYMGRAD_HISTORY: "", TERM: "xterm", ...env };
    const program = ["env", ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), process.execPath, MAIN].map(quote).join(" ");
    // The shell prints the program's exit status on the screen (`exited`): tmux 3.3 sometimes marks
    // a pane dead before it has reaped the process and then never records its status.
    const command = `${program}; echo "[${EXIT_WORDS} $?]"`;
    // remain-on-exit is set in the server's configuration, before the pane exists: set afterwards,
    // a program that ends at once could take its pane (and the server) with it.
    this.tmux(["new-session", "-d", "-s", "t", "-x", String(width), "-y", String(height), "-c", ROOT, command]);
  }

  private tmux(args: readonly string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", TMUX_CONF, ...args], { encoding: "utf8" });
  }

  /** Types `text` literally. */
  type(text: string): void {
    this.tmux(["send-keys", "-t", "t", "-l", text]);
  }

  /** Presses keys by tmux name: "Enter", "Tab", "Up", "C-c", "C-d". */
  press(...keys: string[]): void {
    this.tmux(["send-keys", "-t", "t", ...keys]);
  }

  /** The screen's lines (wrapped lines joined), without trailing empty lines. */
  screen(): string {
    return this.tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "t"]).replace(/\s+$/, "");
  }

  /**
   * Whether the program has ended, and how: its exit status as the shell printed it (128 + n for
   * signal n, whose name is then `signal`).
   */
  exited(): { dead: boolean; status: number | undefined; signal: string | undefined } {
    // The mark's own line (tmux may add a "Pane is dead" line below it).
    const m = EXIT_LINE.exec(this.screen());
    if (m === null) return { dead: false, status: undefined, signal: undefined };
    const status = Number(m[1]);
    return { dead: true, status, signal: status > 128 ? signalName(status - 128) : undefined };
  }

  /** Polls until `test` holds for the screen; returns the screen. Throws with the screen after `timeoutMs`. */
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (test(s)) return s;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the screen's last line is `line` (trailing spaces ignored). */
  waitForLastLine(line: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((s) => lastLine(s) === line.trimEnd(), `the last line to be ${JSON.stringify(line)}`, timeoutMs);
  }

  close(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}

export function lastLine(screen: string): string {
  const lines = screen.split("\n");
  return lines[lines.length - 1]!.trimEnd();
}

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
