import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  addNote,
  areaOf,
  AreaCode,
  AreaTitle,
  boardRecords,
  deleteNote,
  gatherNotes,
  moveNote,
  readBoardDoc,
  readFocusArea,
  renameArea,
  setNoteText,
} from '@samskapa/shared';
import { translate, useLocaleStore, type MessageKey, type Translate } from '../i18n/i18n';
import { areaIdOf, areaName, columnKeyOf, type ColumnKey } from './columns';
import { errorMessage, type StatusMessage } from './status';

/** Every write of the list board carries this origin. */
export const LIST_ORIGIN = { view: 'list' } as const;

/** Why a rename was not written: which field, and what to say next to it. */
export interface RenameProblem {
  field: 'code' | 'title';
  key: MessageKey;
  vars?: Record<string, string>;
}

/** The list board's changes to the board; each reports what happened and says whether it was made. */
export interface BoardActions {
  /** The new note's id, or null when it was refused. */
  add(columnKey: ColumnKey, text: string): string | null;
  save(noteId: string, text: string): boolean;
  remove(noteId: string): boolean;
  move(noteId: string, to: ColumnKey): boolean;
  /** Validates first: a problem is returned (nothing written); `true` when renamed, `false` when refused. */
  rename(areaId: string, code: string, title: string): RenameProblem | boolean;
  gather(noteIds: readonly string[]): boolean;
}

/** The board operations of `@samskapa/shared`, with the person's identity and messages for the live region. */
export function useBoardActions({
  doc,
  personId,
  personName,
  report,
  t,
}: {
  doc: Y.Doc;
  personId: string;
  personName: string;
  report: (message: StatusMessage) => void;
  t: Translate;
}): BoardActions {
  return useMemo(() => {
    const columnName = (key: ColumnKey): string => {
      const areaId = areaIdOf(key);
      const area = areaId === null ? undefined : readFocusArea(boardRecords(doc).get(areaId));
      return area ? areaName(area) : t('outline.unplaced.title');
    };
    const attempt = (change: () => void, success: StatusMessage): boolean => {
      try {
        change();
      } catch (error) {
        report(errorMessage(error));
        return false;
      }
      report(success);
      return true;
    };
    return {
      add: (columnKey, text) => {
        let id: string | null = null;
        attempt(
          () => {
            id = addNote(
              doc,
              {
                text,
                areaId: areaIdOf(columnKey),
                authorId: personId,
                author: personName,
                now: Date.now(),
                pageName: translate(useLocaleStore.getState().locale, 'board.pageName'),
              },
              LIST_ORIGIN,
            );
          },
          { key: 'outline.status.added', vars: { area: columnName(columnKey) }, tone: 'info' },
        );
        return id;
      },
      save: (noteId, text) =>
        attempt(() => setNoteText(doc, noteId, text, LIST_ORIGIN), {
          key: 'outline.status.saved',
          tone: 'info',
        }),
      remove: (noteId) =>
        attempt(() => deleteNote(doc, noteId, LIST_ORIGIN), { key: 'outline.status.deleted', tone: 'info' }),
      move: (noteId, to) =>
        attempt(() => moveNote(doc, noteId, areaIdOf(to), LIST_ORIGIN), {
          key: 'outline.status.moved',
          vars: { area: columnName(to) },
          tone: 'info',
        }),
      rename: (areaId, code, title) => {
        const parsedCode = AreaCode.safeParse(code);
        if (!parsedCode.success) return { field: 'code', key: 'outline.area.codeInvalid' };
        const parsedTitle = AreaTitle.safeParse(title);
        if (!parsedTitle.success) return { field: 'title', key: 'outline.area.titleInvalid' };
        // Two areas with one code would make the code ambiguous in exports and in "Flytta till…".
        const taken = readBoardDoc(doc).areas.some(
          (area) =>
            area.id !== areaId && area.code.toLocaleLowerCase() === parsedCode.data.toLocaleLowerCase(),
        );
        if (taken) return { field: 'code', key: 'outline.area.codeTaken', vars: { code: parsedCode.data } };
        const renamed = { code: parsedCode.data, title: parsedTitle.data };
        return attempt(() => renameArea(doc, areaId, renamed, LIST_ORIGIN), {
          key: 'outline.status.renamed',
          vars: { area: areaName(renamed) },
          tone: 'info',
        });
      },
      gather: (noteIds) => {
        try {
          gatherNotes(doc, noteIds, LIST_ORIGIN);
        } catch (error) {
          report(errorMessage(error));
          return false;
        }
        const first = noteIds[0];
        const records = boardRecords(doc);
        const where = first === undefined ? null : areaOf(first, (id) => records.get(id));
        report({
          key: 'outline.status.gathered',
          vars: { count: noteIds.length, area: columnName(columnKeyOf(where)) },
          tone: 'info',
        });
        return true;
      },
    };
  }, [doc, personId, personName, report, t]);
}
