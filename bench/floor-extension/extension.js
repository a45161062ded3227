// The floor for activation time and .vsix size: VS Code's "Hello World" extension, one command, no dependencies.
'use strict';
const vscode = require('vscode');

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand('floor.helloWorld', () => vscode.window.showInformationMessage('Hello World')));
  return {};
}

function deactivate() {}

module.exports = { activate, deactivate };
