import type * as vscode from 'vscode';
import type { Connection } from '../logic/connection.js';
import { decideKey, parseStoredKey, serializeStoredKey, type KeyDecision } from '../logic/key-binding.js';

const PREFIX = 'evalgate.apiKey:';

/**
 * API keys per connection id, in VS Code's SecretStorage (the OS keychain), never in settings or logs. Each key is
 * stored with the provider and base URL it was entered for and handed out only to that endpoint.
 */
export class ApiKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async decide(connection: Connection): Promise<KeyDecision> {
    return decideKey(parseStoredKey(await this.secrets.get(PREFIX + connection.id)), connection);
  }

  /** Stores the key bound to the connection's current provider and base URL. */
  async set(connection: Connection, key: string): Promise<void> {
    const trimmed = key.trim();
    if (trimmed === '') throw new Error('the API key is empty');
    await this.secrets.store(PREFIX + connection.id, serializeStoredKey({ key: trimmed, provider: connection.provider, baseUrl: connection.baseUrl }));
  }

  /** Binds the withheld key of this connection id to the connection's current endpoint (the user said yes). */
  async rebind(connection: Connection): Promise<boolean> {
    const reading = parseStoredKey(await this.secrets.get(PREFIX + connection.id));
    if (reading.kind === 'none') return false;
    await this.set(connection, reading.kind === 'bound' ? reading.stored.key : reading.key);
    return true;
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
