// Follows a file another process appends to (the mocha report the extension host writes) and prints whole lines.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';

export function tailFile(file, printLine) {
  let offset = 0;
  let partial = '';
  const readNew = () => {
    if (!existsSync(file)) return;
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      let read;
      while ((read = readSync(fd, buffer, 0, buffer.length, offset)) > 0) {
        offset += read;
        partial += buffer.toString('utf8', 0, read);
      }
    } finally {
      closeSync(fd);
    }
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) printLine(line);
  };
  const timer = setInterval(readNew, 250);
  return {
    stop() {
      clearInterval(timer);
      readNew();
      if (partial) printLine(partial);
      partial = '';
    },
  };
}
