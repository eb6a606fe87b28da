/** Hands a file made in the page to the browser's downloads, under `name`. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download when click() returns; the URL may go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
