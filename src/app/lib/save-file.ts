// Hands a file to the person: the browser's download of an in-memory blob.

/** Saves `data` as a JSON file named `name`. */
export function saveJsonFile(name: string, data: unknown): void {
  saveFile(name, JSON.stringify(data, null, 1), 'application/json');
}

/** Saves text as a file named `name`, of the given type. */
export function saveFile(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
