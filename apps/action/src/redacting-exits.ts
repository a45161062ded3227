// Every way a string leaves run(): GitHub writes, step outputs, job summary, saved state, files (badge), the log.
import type { ActionSink, Files, Logger, RunDeps } from './deps.js';
import type { GitHubPort } from './github/port.js';
import { redactDeep, type Redact } from '@evalgate/gate';

/** `deps` with each exit passing its text through `deps.redact` first, whoever in run() writes it. */
export function withRedactedExits(deps: RunDeps): RunDeps {
  const { redact } = deps;
  const github = deps.github && redactingGitHub(deps.github, redact);
  return {
    ...deps,
    ...(github ? { github } : {}),
    logger: redactingLogger(deps.logger, redact),
    sink: redactingSink(deps.sink, redact),
    files: redactingFiles(deps.files, redact),
  };
}

export function redactingLogger(logger: Logger, redact: Redact): Logger {
  return {
    info: (message) => logger.info(redact(message)),
    warning: (message) => logger.warning(redact(message)),
    error: (message) => logger.error(redact(message)),
    debug: (message) => logger.debug(redact(message)),
  };
}

function redactingSink(sink: ActionSink, redact: Redact): ActionSink {
  return {
    setOutput: (name, value) => sink.setOutput(name, redact(value)),
    appendSummary: (markdown) => sink.appendSummary(redact(markdown)),
    saveState: (name, value) => sink.saveState(name, redact(value)),
  };
}

function redactingFiles(files: Files, redact: Redact): Files {
  return { read: (path) => files.read(path), write: (path, content) => files.write(path, redact(content)) };
}

/** Every argument of every port call (check outputs, comment bodies, details URLs) is redacted; answers are not. */
export function redactingGitHub(github: GitHubPort, redact: Redact): GitHubPort {
  return new Proxy(github, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) =>
        (member as (...values: unknown[]) => unknown).apply(
          target,
          args.map((arg) => redactDeep(arg, redact)),
        );
    },
  });
}
