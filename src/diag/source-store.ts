/**
 * The text of every file the loader read, kept so that diagnostics can show a code frame long
 * after the stage that read the file has returned.
 */
export class SourceStore {
  private readonly texts = new Map<string, string>();

  set(file: string, text: string): void {
    this.texts.set(file, text);
  }

  get(file: string): string | undefined {
    return this.texts.get(file);
  }

  files(): string[] {
    return [...this.texts.keys()].sort();
  }
}
