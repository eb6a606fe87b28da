import { readBoardDoc, TemplateFile, templateFromBoard } from '@samskapa/shared';
import { useT, type MessageKey } from '../i18n/i18n';
import type { DocConnection } from '../sync/docConnection';

/** A file name from a title: letters, digits and dashes only, so every system accepts it. */
export function templateFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${base || 'samskapa'}.mall.json`;
}

/** "Spara som mall": downloads the board's areas and reference content as a template file. */
export function SaveAsTemplate({
  connection,
  title,
  onSaved,
}: {
  connection: DocConnection;
  title: string;
  onSaved: (key: MessageKey) => void;
}) {
  const t = useT();
  const save = () => {
    const file = TemplateFile.safeParse(templateFromBoard(readBoardDoc(connection.doc), title));
    // A board can hold what no template may (two areas with one code, very much text): say so, and
    // download nothing that the start page would refuse.
    if (!file.success) {
      onSaved('templates.cannotSave');
      return;
    }
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(file.data, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = templateFileName(title);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    onSaved('templates.downloaded');
  };
  return (
    <button type="button" onClick={save} data-testid="save-template">
      {t('templates.download')}
    </button>
  );
}
