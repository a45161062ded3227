// What the commands get from the process, passed in so tests and the entry point wire it differently.

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  hostname: string;
  /** Aborts on Ctrl-C (SIGINT) or SIGTERM. */
  interrupt: AbortSignal;
  now(): number;
}
