import type * as vscode from 'vscode';

const PREFIX = 'evalgate.apiKey:';

/** API keys per connection id, in VS Code's SecretStorage (the OS keychain), never in settings or logs. */
export class ApiKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(connectionId: string): Thenable<string | undefined> {
    return this.secrets.get(PREFIX + connectionId);
  }

  /** An empty key deletes the stored one. */
  async set(connectionId: string, key: string): Promise<void> {
    const trimmed = key.trim();
    if (trimmed === '') await this.secrets.delete(PREFIX + connectionId);
    else await this.secrets.store(PREFIX + connectionId, trimmed);
  }

  delete(connectionId: string): Thenable<void> {
    return this.secrets.delete(PREFIX + connectionId);
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(PREFIX)) listener();
    });
  }
}
