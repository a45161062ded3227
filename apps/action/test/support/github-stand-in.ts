// The reusable stand-in lives in src/testing so the demo can import its built copy; tests use the source.
export * from '../../src/testing/github-stand-in.js';
