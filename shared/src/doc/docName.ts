import { DOC_KINDS, type DocKind } from '../protocol/roles';

declare const docNameBrand: unique symbol;

/** The name of one of a workshop's Yjs documents (`<workshopId>/<board|control>`), built by {@link docName} only. */
export type DocName = string & { readonly [docNameBrand]: true };

/** Yjs document name of one of a workshop's two documents; the only place a doc name is built. */
export function docName(workshopId: string, kind: DocKind): DocName {
  return `${workshopId}/${kind}` as DocName;
}

/** Both document names of a workshop. */
export function docNamesOf(workshopId: string): DocName[] {
  return DOC_KINDS.map((kind) => docName(workshopId, kind));
}

/** The workshop a document belongs to, from its name. */
export function workshopIdOfDoc(name: DocName): string {
  return name.slice(0, name.lastIndexOf('/'));
}
